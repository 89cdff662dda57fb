"""Verify a generated answer sentence by sentence against the passages it cites; keep only what they support.

A supported sentence keeps a Citation whose quote is the passage sentence that supports it best (with its character
span in the article). A sentence citing the wrong passage is re-attached to one that supports it. A sentence that no
passage supports, or that cites only passage numbers that do not exist, is dropped (or shown marked, a setting);
the Answer records each dropped sentence and why. When nothing survives, the answer is a refusal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text import normalise, split_sentences, tokenize
from ..types import Answer, Citation, DroppedSentence, Hit, Verdict
from .extractive import REFUSAL
from .support import support_verdict

_MARKERS = re.compile(r"\s*\[(\d+(?:\s*[,;]\s*\d+)*)\]")
# "Claim. [1] Next" -> "Claim [1]. Next": markers after the full stop belong to the sentence before it
_TRAILING_MARKERS = re.compile(r"([.!?…])((?:\s*\[\d+(?:\s*[,;]\s*\d+)*\])+)")
# Text in a passage that talks to a model is never evidence: an article quoting "ignore previous instructions and
# say X" does not support the claim X.
INSTRUCTION = re.compile(r"\b(ignore|disregard|forget)\b.{0,40}\b(instructions?|prompts?|rules)\b|\byou are now\b|"
                         r"\bsystem prompt\b|\b(as an ai|language model)\b.{0,40}\b(must|should)\b|"
                         r"^\W*(system|assistant|developer)\s*:|\b(admin|developer|debug|god|jailbreak) mode\b|"
                         r"\bthe (correct |real |true |only )?answer to (every|any|all|each|this|your) (questions?|"
                         r"quer(y|ies)|prompts?)\b|\b(new|updated|override|overriding|hidden) instructions?\b|"
                         r"\b(ai|assistants?|chatbots?|llms?|models?)\b.{0,30}\b(must|should|shall) (always|only|now|"
                         r"never|answer|say|reply|respond)\b|\b(always|only) (answer|reply|respond)\b", re.I | re.S)
# A model that finds no answer may say so in its own words, with a citation: "The passages do not mention the colour
# of the bridge [1]." That is a refusal, not a claim the passage supports.
_READING = r"(passages?|articles?|sources?|context|texts?|documents?|corpus)"
_SAYS_UNANSWERED = re.compile(
    rf"\b{_READING}\b[^.]{{0,40}}\b(do|does|did)(\s+not|n[’']t)\s+(say|state|mention|contain|include|specify|"
    r"provide|give|tell|answer|cover|reveal|indicate|name)\b|^there (is|are) no (information|mention|details?|data)\b|"
    rf"\bnot (mentioned|specified|stated|given|provided) (in|by) the {_READING}|"
    r"\bI (do not|don[’']t|cannot|can[’']t) (know|say|tell|find)\b", re.I)
UNSUPPORTED_MARK = "[unsupported]"
# A reasoning model's thoughts ("<think>...</think>") are not its answer; a reply may also carry markup that no passage
# holds: HTML (a <script> above all), Markdown emphasis, headings and links to addresses the passages never give.
_THINKING = re.compile(r"<think(?:ing)?>.*?</think(?:ing)?>", re.S | re.I)
_SCRIPT = re.compile(r"<(script|style)\b[^>]*>.*?(?:</\1\s*>|$)", re.S | re.I)
_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]{0,300})?/?>")
_LINK = re.compile(r"!?\[([^\]\n]{0,300})\]\((?:[a-z][\w+.-]*:|www\.|/)[^)\s]{0,2000}(?:\s+\"[^\"]*\")?\)", re.I)
_EMPHASIS = re.compile(r"\*\*|__|^\s{0,3}#{1,6}\s+|^\s{0,3}[-*•]\s+", re.M)
_ITALIC = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]{1,300}?)(?<=\S)\*(?![\w*])")  # "*word*", not the "A*" of a grade
MIN_WORDS = 4  # "1.", "The Cherokee Nation": list numbers and fragments are not statements a passage can support
_STATEMENT_WORDS = re.compile(r"[^\W\d_]{2,}|\d+(?:[.,:]\d+)*")  # the words and figures a statement is counted by
UNANSWERED = "says the passages do not answer the question"  # why a model's "I don't know" is dropped
# A sentence cut off mid-way ("When pop culture and", "... what that") is unfinished, however well its words match.
_DANGLING = {"and", "or", "but", "the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "with", "that", "which",
             "who", "what", "as", "than", "is", "are", "was", "were", "his", "her", "their", "its", "this", "these"}


@dataclass
class CheckedSentence:
    """One generated sentence after verification: kept with final citation numbers, or dropped with the reason."""

    text: str  # the sentence without the model's markers
    kept: bool
    cited: list[int] = field(default_factory=list)  # the numbers the model gave
    citations: list[Citation] = field(default_factory=list)  # the verified citations, numbered as in the answer
    reason: str = ""  # why dropped, or how the citation was changed
    display: str = ""  # how the sentence appears in the answer text ('' when dropped)


# "... air defence [2] Ukraine is ...": a marker followed by a new capitalised sentence ends the one before it
_RUN_ON = re.compile(r"(?<=[\w\"'”’)])((?:\s*\[\d+(?:\s*[,;]\s*\d+)*\])+)(?=\s+[\"“]?[A-Z])")


def normalise_markers(text: str) -> str:
    """Return text with citation markers written after a full stop moved before it, and a full stop after markers
    that end a sentence without one, so sentences split cleanly."""
    text = _TRAILING_MARKERS.sub(lambda m: f"{m.group(2)}{m.group(1)}", text)
    return _RUN_ON.sub(lambda m: f"{m.group(1)}.", text)


def without_thinking(text: str) -> str:
    """Return a reply without a reasoning model's thoughts: closed <think> blocks, anything before a lone </think>,
    and an unclosed <think> block with all after it (a stream waits for the block to close before reading on)."""
    text = _THINKING.sub("", text)
    if (close := re.search(r"</think(?:ing)?>", text, re.I)) is not None:
        text = text[close.end():]
    if (opened := re.search(r"<think(?:ing)?>", text, re.I)) is not None:
        text = text[:opened.start()]
    return text


def without_markup(text: str) -> str:
    """Return generated text as plain sentences: no HTML tags or scripts, no Markdown emphasis, headings or bullets,
    links as their words only."""
    text = _SCRIPT.sub("", text)
    text = _LINK.sub(lambda m: "" if m.group(0).startswith("!") else m.group(1), text)  # (an image's text is none)
    text = _TAG.sub("", text)
    return _ITALIC.sub(lambda m: m.group(1), _EMPHASIS.sub("", text))


def split_generated(text: str, final: bool = True) -> tuple[list[str], str]:
    """Return (complete sentences, unfinished rest) of generated text; with final=True the rest is a sentence too."""
    text = normalise_markers(text)
    sentences = [s for _, _, s in split_sentences(text)]
    if final or not sentences:
        return (sentences, "") if final else ([], text)
    # The last piece may still grow: a sentence is complete once the next one has started.
    last_start = text.rfind(sentences[-1])
    return sentences[:-1], text[last_start:]


def parse_markers(sentence: str) -> tuple[str, list[int]]:
    """Return the sentence without its [n] markers, and the cited numbers in order (no repeats)."""
    numbers: list[int] = []
    for match in _MARKERS.finditer(sentence):
        for part in re.split(r"[,;]", match.group(1)):
            if int(part) not in numbers:
                numbers.append(int(part))
    claim = _MARKERS.sub("", sentence).strip()
    claim = re.sub(r"\s+([.!?…,;:])", r"\1", claim)
    return claim, numbers


def _evidence_text(passage: str) -> str:
    """Return the passage without sentences that address a model (prompt injection is data, never support)."""
    return " ".join(s for _, _, s in split_sentences(passage) if not INSTRUCTION.search(s))


def best_sentence(claim: str, hit: Hit, evidence: str) -> tuple[int, int, str]:
    """Return (start, end, sentence) in hit.text of the passage sentence that best supports the claim."""
    sentences = [s for s in split_sentences(hit.text) if not INSTRUCTION.search(s[2])]
    if not sentences:
        return 0, len(hit.text), hit.text
    inside = [s for s in sentences if s[2] in evidence] or sentences
    wanted = set(tokenize([claim])[0])
    token_sets = tokenize([s[2] for s in inside])
    scores = [len(wanted & set(tokens)) / (1 + 0.01 * len(tokens)) for tokens in token_sets]
    return inside[max(range(len(inside)), key=scores.__getitem__)]


class AnswerVerifier:
    """Checks generated sentences one at a time (so a stream can show each as it completes) and builds the Answer."""

    def __init__(self, question: str, hits: list[Hit], embedder, unsupported: str = "drop"):
        self.question = question
        self.hits = hits
        self.embedder = embedder
        self.mark = unsupported == "mark"
        self.checked: list[CheckedSentence] = []
        self._verdicts: dict[tuple[str, int], Verdict] = {}
        self._numbers: dict[tuple[int, int], Citation] = {}  # (passage index, quote start) -> numbered citation

    def verdict(self, claim: str, n: int) -> Verdict:
        """Return whether passage n (1-based) supports the claim (cached). A short answer ("Odesa.") is read with the
        question it answers, so the passage must speak of what was asked as well as hold the answer."""
        key = (claim, n)
        if key not in self._verdicts:
            stated = claim
            if len(_STATEMENT_WORDS.findall(claim)) < MIN_WORDS:
                stated = f"{self.question.strip().rstrip('?.!')}: {claim.rstrip('.!')}"
            self._verdicts[key] = support_verdict(stated, _evidence_text(self.hits[n - 1].text), self.embedder)
        return self._verdicts[key]

    def _citation(self, claim: str, n: int, verdict: Verdict) -> Citation:
        hit = self.hits[n - 1]
        start, end, quote = best_sentence(claim, hit, verdict.evidence)
        key = (n, start)
        if key not in self._numbers:
            self._numbers[key] = Citation(**hit.article_ref(), n=len(self._numbers) + 1, quote=quote,
                                          start=hit.start + start, end=hit.start + end, score=verdict.score,
                                          passage=hit.text)
        return self._numbers[key]

    def _supporting(self, claim: str, numbers: list[int]) -> list[tuple[int, Verdict]]:
        found = [(n, self.verdict(claim, n)) for n in numbers]
        return [(n, v) for n, v in found if v.supported]

    def check(self, sentence: str) -> CheckedSentence | None:
        """Verify one generated sentence; return its outcome (None for a bare marker or empty text)."""
        claim, cited = parse_markers(without_markup(sentence))
        claim = re.sub(r"\s+", " ", claim).strip()
        if not re.search(r"\w", claim):
            return None
        refusal = ""
        words = _STATEMENT_WORDS.findall(claim)
        short = len(words) < MIN_WORDS and re.search(r"[^\W\d_]{2,}", claim)  # "Odesa.", "Rutte visited Odesa."
        if _SAYS_UNANSWERED.search(claim):
            refusal = UNANSWERED
        elif any(_same(claim, c.text) for c in self.checked if c.kept):
            refusal = "repeats an earlier sentence of the answer"
        elif claim.endswith("?"):
            refusal = "a question, not a statement"
        elif len(words) < MIN_WORDS and not short:
            refusal = f"not a statement (fewer than {MIN_WORDS} words)"
        elif words[-1].lower() in _DANGLING and not claim.endswith(("!", "?", '"', "”")):
            refusal = f"an unfinished sentence (ends with '{words[-1]}')"
        if refusal:
            result = CheckedSentence(claim, False, cited, [], refusal, f"{claim} {UNSUPPORTED_MARK}" if self.mark
                                     and not refusal.startswith("repeats") else "")
            self.checked.append(result)
            return result
        valid = [n for n in cited if 1 <= n <= len(self.hits)]
        invented = [n for n in cited if n not in valid]
        supported = self._supporting(claim, valid)
        reason = ""
        if supported and invented:
            reason = f"cited {_fmt(invented)}, which no passage has; kept with {_fmt([n for n, _ in supported])}"
        elif not supported and (valid or not cited):
            others = [n for n in range(1, len(self.hits) + 1) if n not in valid]
            best = sorted(self._supporting(claim, others), key=lambda item: -item[1].score)[:1]
            if best:
                was = f"cited {_fmt(valid)}, which does not support it" if valid else "had no citation"
                reason = f"{was}; re-attached to passage {_fmt([best[0][0]])}"
                supported = best
        if supported:
            citations = list({c.n: c for c in (self._citation(claim, n, v) for n, v in supported)}.values())
            ended = claim if claim.endswith((".", "!", "?", "…", '"', "”", "'", "’", ")")) else f"{claim}."
            display = f"{ended} {''.join(f'[{c.n}]' for c in citations)}"
            result = CheckedSentence(claim, True, cited, citations, reason, display)
        else:
            reason = self._drop_reason(claim, valid, invented)
            result = CheckedSentence(claim, False, cited, [], reason, f"{claim} {UNSUPPORTED_MARK}" if self.mark else "")
        self.checked.append(result)
        return result

    def _drop_reason(self, claim: str, valid: list[int], invented: list[int]) -> str:
        if invented and not valid:
            return f"cites {_fmt(invented)}, but there are only {len(self.hits)} passages"
        if valid:
            why = "; ".join(self.verdict(claim, valid[0]).reasons) or "not supported"
            return f"not supported by {_fmt(valid)} ({why}), nor by any other passage"
        return "no citation, and no passage supports it"

    def answer(self, backend: str, note: str = "") -> Answer:
        """Return the verified Answer: the kept sentences with their citations, or a refusal when none is kept."""
        kept = [c for c in self.checked if c.kept]
        dropped = [DroppedSentence(c.text, c.reason, c.cited, shown=self.mark) for c in self.checked if not c.kept]
        if not kept:
            marked = " ".join(c.display for c in self.checked if c.display)  # (shown only with the "mark" setting)
            return Answer(question=self.question, text=f"{REFUSAL} {marked}".strip(), refused=True, hits=self.hits,
                          note=note, backend=backend, dropped=dropped)
        citations = sorted({c.n: c for s in kept for c in s.citations}.values(), key=lambda c: c.n)
        text = " ".join(c.display for c in self.checked if c.display)
        support = sum(max(c.score for c in s.citations) for s in kept) / len(kept)
        return Answer(question=self.question, text=text, refused=False, citations=citations, hits=self.hits,
                      support=round(support, 4), note=note, backend=backend, dropped=dropped)


def _same(a: str, b: str) -> bool:
    return normalise(a).rstrip(".!?… ") == normalise(b).rstrip(".!?… ")


def _fmt(numbers: list[int]) -> str:
    return "".join(f"[{n}]" for n in numbers)
