"""HTML for the browser chat: answers with citation markers, citation cards, index and upload panels.

Everything that came from an article or a file name goes through html.escape, so an article containing
`<script>` or `<img onerror=...>` shows as text. Output is one line: the chat renders Markdown, and an HTML
block without blank lines is passed through untouched.
"""

from __future__ import annotations

import re
from html import escape
from urllib.parse import urlparse

from .service import ChatReply, IndexingStatus
from ..types import Answer, Citation, Hit, IndexStats
from .uploads import UploadResult

_MARKER = re.compile(r"\[(\d+)\]")
_LINE_BREAK = re.compile(r"\r\n|[\r\n\f\v\x85\u2028\u2029]")
CONTEXT_BEFORE, CONTEXT_AFTER = 100, 240  # characters of the passage shown around the cited span


def _e(text: object) -> str:
    """Return text escaped for HTML and on one line: a line break would let a blank line end the chat's HTML block,
    and whatever followed would be rendered as Markdown (images that load from any host, live links)."""
    return _LINE_BREAK.sub(" ", escape(str(text), quote=True))


def _e_lines(text: str) -> str:
    """Return article text escaped and on one line, its line breaks as <br> (paragraphs stay visible)."""
    return _LINE_BREAK.sub("<br>", escape(text, quote=True))


def safe_url(url: str) -> str:
    """Return the url if it is a plain http(s) link, else '' (no javascript:, data: or relative links)."""
    parsed = urlparse((url or "").strip())
    return url.strip() if parsed.scheme in ("http", "https") and parsed.netloc else ""


def answer_html(answer: Answer) -> str:
    """Return the answer text, escaped, with its [n] markers as superscript links to the cards."""
    text = _e(answer.text)
    return _MARKER.sub(lambda m: f'<sup class="nr-mark" data-n="{m.group(1)}">[{m.group(1)}]</sup>', text)


def highlighted_passage(citation: Citation) -> str:
    """Return the passage around the cited span, escaped, with the span in <mark>."""
    passage = citation.passage or citation.quote
    at = passage.find(citation.quote)
    if at < 0:
        return f"<mark>{_e_lines(citation.quote)}</mark>"
    start, end = max(0, at - CONTEXT_BEFORE), min(len(passage), at + len(citation.quote) + CONTEXT_AFTER)
    before = ("…" if start else "") + passage[start:at]
    after = passage[at + len(citation.quote):end] + ("…" if end < len(passage) else "")
    return f"{_e_lines(before)}<mark>{_e_lines(citation.quote)}</mark>{_e_lines(after)}"


def question_html(question: str) -> str:
    """Return a question as the chat shows it: escaped, and with Markdown's link and image brackets as entities, so a
    typed or imported "![](http://host/pixel.png)", "[log in here](http://...)" or a bare URL is text, never a link or
    an image the browser loads."""
    return escape(question).replace("[", "&#91;").replace("]", "&#93;").replace(":", "&#58;")  # (":": nor a bare
    # URL the chat would turn into a link)


def _uploaded(citation: Citation) -> str:
    """A mark on a card whose article came from an upload in the app (ids "u-..."): its outlet is what the uploader
    wrote, so a reader can tell it from the corpus's own articles."""
    if not citation.uploaded:
        return ""
    return ' · <span class="nr-uploaded" title="Added through the app\'s upload box">uploaded</span>'


def citation_card(citation: Citation) -> str:
    """Return one citation card: number, title (linked when the url is http/https), source, date, passage."""
    url = safe_url(citation.url)
    title = _e(citation.title or "Untitled article")
    if url:
        title = f'<a href="{_e(url)}" target="_blank" rel="noopener noreferrer nofollow">{title}</a>'
    when = citation.published.strftime("%-d %b %Y") if citation.published else "date unknown"
    return (f'<div class="nr-card" data-n="{citation.n}"><div class="nr-card-head"><span class="nr-n">{citation.n}'
            f'</span><span class="nr-title">{title}</span></div><div class="nr-card-meta"><span class="nr-source">'
            f'{_e(citation.source)}</span> · <span class="nr-date">{_e(when)}</span>{_uploaded(citation)}</div>'
            f'<blockquote class="nr-quote">{highlighted_passage(citation)}</blockquote></div>')


def _timings(answer: Answer) -> str:
    t = answer.timings
    if not t:
        return ""
    return (f'<span class="nr-latency">retrieval {t.get("retrieve_ms", 0):.0f} ms · answer '
            f'{t.get("answer_ms", 0):.0f} ms</span>')


def related_html(hits: list[Hit]) -> str:
    """Return the closest passages under a refusal as related reading: titles and outlets, not citations."""
    if not hits:
        return ""
    items = "".join(
        f'<li><a href="{_e(safe_url(h.url))}" target="_blank" rel="noopener noreferrer">{_e(h.title)}</a> '
        f'<span class="nr-source">{_e(h.source)}</span></li>' if safe_url(h.url) else
        f'<li>{_e(h.title)} <span class="nr-source">{_e(h.source)}</span></li>' for h in hits)
    return f'<div class="nr-related">Related reading (does not answer the question):<ul>{items}</ul></div>'


def reply_html(reply: ChatReply) -> str:
    """Return a whole assistant message: answer or refusal or error, cards, query detail, latency, notes."""
    details = []
    if reply.rewritten:
        details.append(f'<div class="nr-rewritten">Searched as: “{_e(reply.query)}”</div>')
    answer = reply.answer
    if answer is None:
        body = f'<div class="nr-error">{_e(reply.error)}</div>'
    elif answer.refused:
        body = f'<p class="nr-refusal">{_e(answer.text)}</p>' + related_html(answer.related)
    else:
        cards = "".join(citation_card(c) for c in answer.citations)
        body = f'<p class="nr-text">{answer_html(answer)}</p><div class="nr-cards">{cards}</div>'
    if answer is not None and answer.note:
        details.append(f'<div class="nr-timewords">{_e(answer.note)}</div>')
    if answer is not None:
        details.append(f'<div class="nr-meta">{_timings(answer)}</div>')
    details += [f'<div class="nr-note">{_e(note)}</div>' for note in reply.notes  # (the answer's own note is above)
                if answer is None or note != answer.note]
    kind = "refused" if answer is not None and answer.refused else "error" if answer is None else "answered"
    return f'<div class="nr-answer nr-{kind}">{body}{"".join(details)}</div>'


def streaming_html(sentences: list, draft: str) -> str:
    """Return an answer while an LLM writes it: verified sentences with their markers, dropped ones struck out with
    the reason, then the not yet verified text (cards come with the final answer)."""
    parts = []
    for sentence in sentences:
        if sentence.kept:
            parts.append(f'<span class="nr-verified">{_MARKER.sub(_sup, _e(sentence.display))}</span>')
        else:
            parts.append(f'<s class="nr-dropped" title="{_e(sentence.reason)}">{_e(sentence.text)}</s>')
    if draft.strip():
        parts.append(f'<span class="nr-draft">{_e(draft)}</span>')
    return f'<div class="nr-answer nr-streaming"><p class="nr-text">{" ".join(parts)}</p></div>'


def _sup(match: re.Match) -> str:
    return f'<sup class="nr-mark" data-n="{match.group(1)}">[{match.group(1)}]</sup>'


def status_label(status: IndexingStatus) -> str:
    """Return what the indexing is doing, counted in its own unit (files, articles, passages), without a full stop."""
    n = f"{status.done:,} of {status.total:,}"
    if status.stage == "read":
        return f"Reading files — {n} files"
    if status.stage == "chunk":
        return f"Splitting articles into passages — {n} articles"
    if status.stage == "keyword":
        return (f"Keyword index ready over {status.total:,} passages" if status.keyword_ready
                else f"Building the keyword index over {status.total:,} passages")
    if status.stage == "embed":
        return f"Embedding passages for semantic search — {n} passages"
    if status.stage == "sentences":
        return f"Encoding the passages' sentences for faster answers — {n} passages"
    if status.stage == "model":
        return "Loading the embedding model (a first start also converts it, which takes a while)"
    return "Opening the index"


def status_html(status: IndexingStatus) -> str:
    """Return the indexing banner: the stage with its count and a bar while indexing runs, an error if it failed,
    else ''. Before keyword search covers every article it says that questions wait for it."""
    if status.stage == "failed":
        return f'<div class="nr-banner nr-banner-error">Indexing failed: {_e(status.error)}</div>'
    if not status.running:
        return ""
    if status.stage == "sentences":
        ask = "Search covers every passage; answers get faster when this step is done."
    elif status.keyword_ready:
        articles = f"all {status.articles:,} articles" if status.articles else "every article"
        ask = f"You can ask now: keyword search covers {articles}; semantic search joins as passages are embedded."
    else:
        ask = "Questions asked now wait until keyword search covers every article (a few seconds)."
    width = round(100 * status.fraction) if status.stage in ("read", "chunk", "embed", "sentences") else 0
    if status.stage == "keyword" and status.keyword_ready:
        width = 100
    return (f'<div class="nr-banner" role="status" data-stage="{_e(status.stage)}"><div class="nr-banner-text">'
            f'<b>Indexing the corpus.</b> <span class="nr-stage">{_e(status_label(status))}.</span> {_e(ask)}</div>'
            f'<div class="nr-progress"><div class="nr-progress-bar" style="width:{width}%"></div></div></div>')


def stats_html(stats: IndexStats | None) -> str:
    """Return the index panel: articles, chunks (embedded), sources, date span, model."""
    if stats is None:
        return '<div class="nr-stats nr-empty">The index is empty so far.</div>'
    span = (f"{stats.first_published:%-d %b %Y} – {stats.last_published:%-d %b %Y}"
            if stats.first_published and stats.last_published else "unknown")
    rows = [("Articles", f"{stats.articles:,}"), ("Passages", f"{stats.chunks:,}"),
            ("Embedded", f"{stats.embedded_chunks:,}"), ("Sources", f"{len(stats.sources):,}"),
            ("Dates", span), ("Model", stats.model)]
    cells = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in rows)
    return f'<dl class="nr-stats">{cells}</dl>'


def uploads_html(results: list[UploadResult]) -> str:
    """Return the per-file upload results (added / updated / unchanged / failed with the reason)."""
    if not results:
        return ""
    items = "".join(f'<li class="nr-up nr-up-{_e(r.status)}"><span class="nr-up-status">{_e(r.status)}</span> '
                    f'<span class="nr-up-name">{_e(r.name)}</span><div class="nr-up-detail">{_e(r.detail)}</div></li>'
                    for r in results)
    return f'<ul class="nr-uploads">{items}</ul>'
