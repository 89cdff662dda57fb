"""Extractive, cited answers: the direct answer first, then the sentences that hold it, each cited; or a refusal.

Sentences of the retrieved passages are shortlisted (term coverage + MiniLM similarity), then the answerability
model (answerability.py) estimates for each whether it answers the question given the question analysis. Below the
model's threshold the answer is a refusal that says what the closest articles do hold. Otherwise the answer starts
with the span asked for (spans.py: "£47.2m [1]"), or "Yes"/"No" for yes-no questions (verdict.py), then at most two
supporting sentences, each with verified citation markers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

import numpy as np

from ..index.embed import Embedder, encode_sentences
from ..retrieval.analysis import (QuestionAnalysis, analyse_question, keyword_names, question_kind,
                                  states_something)
from ..text import normalise, split_sentences, tokenize
from ..types import Answer, Citation, Hit
from .answerability import (FACTOID_KINDS, AnswerModel, Evidence, acronyms, content_stems, features, gates, has_term,
                            type_hit)
from .attachment import LIST_ITEM
from .kinds import learned_kind
from .reasons import REASON_ASKED, reason_span
from .reader import accepted, doubts, reader_first
from .span_choice import SPAN_KINDS, VAGUE_TIME, choose, pool, span_model
from .spans import extract_short, full_org_name, multi_part, ordinary_words, vote_entity, with_range, with_rate, \
    with_tally
from .support import verify_citations
from .verdict import NOBODY, VERDICTS, date_order, decide_yes_no, denial, statement_verdict

REFUSAL = "The corpus does not say."
# A yes-no question is refused only when nothing retrieved bears on it (a "No" is an answer too): its bar is this
# share of the model's threshold.
VERDICT_REFUSAL = 0.6


@dataclass
class Candidate:
    """A sentence of a retrieved passage, scored against the question."""

    text: str
    hit: Hit
    start: int
    end: int
    context: str = ""  # the article title and the sentence before: who "he" is, what "it" refers to
    following: str = ""  # the sentence after
    rank: int = 0  # rank of its passage in retrieval
    score: float = 0.0  # lexical + similarity pre-score (shortlisting)
    similarity: float = 0.0  # MiniLM cosine to the question
    probability: float = 0.0  # the answerability model's estimate that this sentence answers the question
    passed: bool = True  # it satisfies the question's hard constraints (answerability.gates)
    vector: np.ndarray | None = None  # its MiniLM embedding (shortlisted candidates only)

    @property
    def answers(self) -> float:
        """The probability if the sentence passes the hard constraints, else 0: what answering is decided on."""
        return self.probability if self.passed else 0.0


def is_candidate(sentence: str, line_ends: bool = False) -> bool:
    """True for a sentence long enough to answer anything (25+ characters and 5+ words, or a short full sentence with a
    figure) that is not a heading: a line
    of its own (line_ends: a line break follows it) without a closing full stop ("Timeline of Sam Altman's firing
    from OpenAI") states nothing to cite, unless it gives a label's value ("Joker: Folie à Deux: Oct. 4")."""
    heading = (line_ends and not sentence.rstrip().endswith((".", "!", "?", '"', "”", "'", "’", ")", ":", ";"))
               and not _label_value(sentence))
    # a listing line ("Joker: Folie à Deux: Oct. 4") gives a value; "MORE: 2023 Rugby World Cup final: Details, ..."
    # is a link
    words = len(sentence.split())  # a short statement of a figure counts too ("The attendance was 31,207.",
    # "Turnout was 27.8%."), and a short denial ("No one was injured.")
    full = sentence.rstrip().endswith(".")
    return (len(sentence) >= 20 and words >= 5
            or (words >= 3 and len(sentence) >= 12 and full and bool(re.search(r"\d", sentence)))
            or (words >= 3 and full and NOBODY.match(sentence) is not None)) and not heading


def _label_value(line: str) -> bool:
    """Whether a line gives a label's value: a short last part after a colon holding a figure ("Joker: Folie à Deux:
    Oct. 4"), or a list item holding one ("- Weight: 13.8kg, the lightest in its class")."""
    # a list item with a figure or a label's value ("- Weight: 13.8kg, ...", "- Best actor: Kwame Mensah, Harbour
    # Lights", a results list's "1. Joost Bakker 4h 21m 07s")
    if LIST_ITEM.match(line) and (re.search(r"\d", line[3:]) or re.match(
            r"\s*[-•*–]\s[^:]{2,40}:\s\S", line)):
        return True
    value = line.rsplit(":", 1)[1] if ":" in line else ""
    return bool(re.search(r"\d", value)) and len(value.split()) <= 6


def _line_ends(passage: str, end: int) -> bool:
    return passage[end:end + 3].lstrip(" \t").startswith("\n")


def candidate_sentences(passage: str) -> list[str]:
    """Return the sentences of a passage that answers are chosen from (the ones whose vectors ingest stores)."""
    return [text for _, end, text in split_sentences(passage) if is_candidate(text, _line_ends(passage, end))]


def hit_sentences(hit: Hit, rank: int = 0) -> list[Candidate]:
    """Return the sentences of a hit (25+ characters, 5+ words) with their character spans in the article."""
    candidates, previous = [], ""
    sentences = split_sentences(hit.text)
    for number, (start, end, text) in enumerate(sentences):
        if is_candidate(text, _line_ends(hit.text, end)):
            following = sentences[number + 1][2] if number + 1 < len(sentences) else ""
            candidates.append(Candidate(text=text, hit=hit, start=hit.start + start, end=hit.start + end,
                                        context=f"{hit.title} {previous}", rank=rank, following=following))
        previous = text
    return candidates


def _weighted_coverage(weights: dict[str, float], tokens: set[str]) -> float:
    return sum(w for t, w in weights.items() if t in tokens) / max(1e-9, sum(weights.values()))


def score_candidates(analysis: QuestionAnalysis, candidates: list[Candidate], embedder: Embedder,
                     keep: int = 24, per_part: int = 4) -> list[Candidate]:
    """Score sentences (term coverage + asked type, then MiniLM similarity); return the best `keep`, best first.

    Term coverage counts the sentence's own words fully and its context (title, previous sentence) partly, with the
    question's constraints (names, years, figures) weighing double. Only the lexically best `keep` are embedded, plus,
    for a yes-no question, the best `per_part` of each outlet a part of it names (every part needs its evidence).
    """
    key = set(tokenize([" ".join(analysis.constraints)])[0])
    weights = {t: 2.0 if t in key else 1.0 for t in tokenize([analysis.question])[0]}
    own = tokenize([c.text for c in candidates])
    context = tokenize([c.context for c in candidates])
    for candidate, words, around in zip(candidates, own, context):
        words = set(words)
        coverage = 0.65 * _weighted_coverage(weights, words) + 0.35 * _weighted_coverage(weights, words | set(around))
        candidate.score = coverage * 0.45 + 0.1 * type_hit(analysis, candidate.text)
    ordered = sorted(candidates, key=lambda c: (-c.score, c.rank))
    shortlist = ordered[:keep]
    for part in parts(analysis) if analysis.kind in ("yesno", "temporal") else []:
        shortlist += [c for c in ordered[keep:] if part.admits(c.hit.source, c.hit.published)
                      and c not in shortlist][:per_part]
    vectors = encode_sentences(embedder, [analysis.question] + [c.text for c in shortlist])
    for candidate, vector, similarity in zip(shortlist, vectors[1:], vectors[1:] @ vectors[0]):
        candidate.similarity, candidate.vector = float(similarity), vector
        candidate.score += 0.55 * float(similarity)
    return sorted(shortlist, key=lambda c: -c.score)


def parts(analysis: QuestionAnalysis) -> list:
    """Return the parts of a question that each name an outlet ("while The Verge reported ..."): its sub-queries."""
    return [sub for sub in (analysis.plan.subqueries if analysis.plan else []) if sub.sources]


def part_support(analysis: QuestionAnalysis, shortlist: list[Candidate], embedder: Embedder, model: AnswerModel,
                 bodies: dict[str, str] | None = None, enough: float | None = None
                 ) -> list[tuple[object, float, Candidate | None]]:
    """Return each outlet-naming part of the question with how well its outlet's sentences answer it and the sentence
    that answers it best: the answerability model read with the part as the question (its names, its words, MiniLM
    similarity to it) or with the whole question, whichever is higher; a part too short to say anything of its own
    ("... TechCrunch and") only with the whole question."""
    result = []
    pieces = parts(analysis)
    if not pieces:
        return result
    owned = [[c for c in shortlist if part.admits(c.hit.source, c.hit.published) and c.vector is not None]
             for part in pieces]
    settled = [enough is not None and bool(own) and max(c.probability for c in own) >= enough for own in owned]
    # enough: the caller only asks whether each part reaches it; a part the whole question's reading already
    # settles is neither encoded nor read again on its own
    open_parts = [p.text for p, done in zip(pieces, settled) if not done]
    vectors = iter(encode_sentences(embedder, open_parts) if open_parts else [])
    for part, own, done in zip(pieces, owned, settled):
        vector = None if done else next(vectors)
        if not own:
            result.append((part, 0.0, None))
            continue
        whole = np.array([c.probability for c in own])  # read against the whole question
        sub = analyse_question(part.text)
        # a part that says something of its own ("TechCrunch and" does not) is also read as the question
        if vector is not None and len(sub.focus) >= 3:
            items = evidence_items(own, bodies or {})
            alone = model.probability(features(sub, items, np.array([float(c.vector @ vector) for c in own])))
            probability = np.maximum(whole, alone)
        else:
            probability = whole
        best = int(np.argmax(probability))
        result.append((part, float(probability[best]), own[best]))
    return result


def evidence_items(candidates: list[Candidate], bodies: dict[str, str]) -> list[Evidence]:
    """Return what the answerability features read for each candidate: the sentence, its context and article."""
    items = []
    for c in candidates:
        hit = c.hit
        when = f"{hit.published.isoformat()} {hit.published.strftime('%B %d %Y')}" if hit.published else ""
        items.append(Evidence(sentence=c.text, context=c.context, meta=f"{hit.title} {hit.source} {when}",
                              published=hit.published, previous=c.context[len(hit.title):].strip(),
                              following=c.following, article=bodies.get(hit.article_id, hit.text), rank=c.rank,
                              retrieval=hit.score))
    return items


def rank_answers(analysis: QuestionAnalysis, hits: list[Hit], embedder: Embedder, model: AnswerModel,
                 bodies: dict[str, str] | None = None) -> list[Candidate]:
    """Return the shortlisted candidate sentences with their answer probability, most likely first."""
    candidates = [c for rank, hit in enumerate(hits) for c in hit_sentences(hit, rank)]
    if not candidates:
        return []
    shortlist = score_candidates(analysis, candidates, embedder)
    items = evidence_items(shortlist, bodies or {})
    matrix = features(analysis, items, np.array([c.similarity for c in shortlist]))
    said = _said_words(analysis)
    passed = gates(analysis, items).all(axis=1)  # a sentence failing a hard constraint never answers
    pieces = parts(analysis)  # nor, when the question names outlets (and dates), one from another outlet's article
    for candidate, probability, ok in zip(shortlist, model.probability(matrix), passed):
        admitted = not pieces or any(p.admits(candidate.hit.source, candidate.hit.published) for p in pieces)
        candidate.probability, candidate.passed = float(probability), bool(ok) and admitted

    def says_it(c: Candidate) -> bool:  # holds most of what the question says was said
        return bool(said) and c.answers >= model.threshold and len(said & content_stems(c.text)) >= 0.6 * len(said)

    return sorted(shortlist, key=lambda c: (-says_it(c), -c.answers, -c.probability, c.rank))


def _said_words(analysis: QuestionAnalysis) -> set[str]:
    """Return the content stems of what a question says was said, its names aside ("the main focus of his meeting
    with Rutte was" -> main, focus, meet); empty for other questions."""
    name_words = " ".join(analysis.names)
    return content_stems(analysis.reported) - content_stems(name_words) if analysis.reported else set()


def compose_answer(question: str, hits: list[Hit], embedder: Embedder, model: AnswerModel, *,
                   analysis: QuestionAnalysis | None = None, max_sentences: int = 2,
                   bodies: dict[str, str] | None = None) -> Answer:
    """Return an extractive answer (direct answer first, every sentence with verified citation markers) or a refusal
    that names what the closest articles hold instead."""
    analysis = analysis or analyse_question(question)
    analysis = with_keyword_names(analysis, hits)
    if analysis.kind == "open" and analysis.is_keyword and (kind := learned_kind(question, embedder)):
        # "castwell pellerin combined workforce": a number; a keyword query has no asking word for the rules to read
        # (a full question's, "how do the articles describe ...?", the model reads no better: docs/BENCHMARKS.md)
        analysis = replace(analysis, kind=kind)
    ranked = rank_answers(analysis, hits, embedder, model, bodies)
    if absent_names(analysis, hits):  # a name no retrieved article mentions: the corpus is not about it
        return _refusal(question, analysis, ranked, hits, 0.0)
    if outlets := absent_outlets(analysis, hits):
        return _refusal(question, analysis, ranked, hits, 0.0, note=(
            f" The corpus has no articles from {' or '.join(outlets)}, and none of the closest passages mentions "
            f"{'them' if len(outlets) > 1 else 'it'}."))
    if analysis.kind in ("yesno", "temporal"):
        # A verdict weighs each part's evidence, so the hard constraints (several parts' names) do not gate it:
        # each part that names an outlet must find evidence in that outlet's articles, else refusal.
        ranked.sort(key=lambda c: (-c.probability, c.rank))
        supports = part_support(analysis, ranked, embedder, model, bodies)
        best = min((s for _, s, _ in supports), default=ranked[0].probability if ranked else 0.0)
        if best < VERDICT_REFUSAL * model.threshold:
            missing = [part for part, s, _ in supports if s < VERDICT_REFUSAL * model.threshold]
            return _refusal(question, analysis, ranked, hits, best, missing)
        # the verdict cites each part's evidence; a question naming no outlet, its best sentences
        chosen = [[c] for c in {id(c): c for _, _, c in supports}.values()] or _supporting(
            ranked, model.threshold, max_sentences, gated=False, across=across_articles(analysis))
        order = date_order(analysis, [(part, c) for part, _, c in supports]) if supports else None
        if order == "":  # an order between reports whose dates the articles do not give
            undated = [c.hit.source for _, _, c in supports if c is not None and c.hit.published is None]
            return _refusal(question, analysis, ranked, hits, best, note=(
                f" The {' and '.join(dict.fromkeys(undated))} article has no publication date, so the articles do "
                "not say which report came first."))
        if supports:
            short = order or decide_yes_no(
                analysis, ranked, [s for _, s, _ in supports], model.threshold,
                [(part.text, c.text) for part, _, c in supports if c is not None])
        elif (verdict := statement_verdict(analysis, ranked, model.threshold))[0] is None:
            return _refusal(question, analysis, ranked, hits, best)  # no likely sentence speaks of what it asserts
        elif (short := verdict[0]) == "No" and (denied := denial(analysis, ranked, model.threshold)) is not None:
            chosen = [[denied]] + [c for c in chosen if denied not in c][:max_sentences - 1]  # the denial is cited
        elif (confirmed := verdict[1]) is not None:  # the sentence that confirms a "Yes" is cited first
            chosen = [[confirmed]] + [g for g in chosen if confirmed not in g][:max_sentences - 1]
    else:
        best = ranked[0].answers if ranked else 0.0
        # a question about what named outlets reported needs each outlet's articles to bear on it
        supports = part_support(analysis, ranked, embedder, model, bodies, enough=VERDICT_REFUSAL * model.threshold)
        missing = [part for part, s, _ in supports if s < VERDICT_REFUSAL * model.threshold]
        # "Who is the individual that ..., according to TechCrunch, and ..., as reported by Fortune?" describes one
        # entity in several outlets' words: no one sentence meets all its names, but each outlet's articles answer
        # their part, and the entity they share is the answer
        # A long description of a person or organisation naming no outlet ("Who is the individual under 30, once
        # considered the richest ...") is the same: no one sentence meets all of it, and the likeliest sentences, met
        # or not, name the entity (a place is not: sentences name many places, "World Cup" among them)
        weakest = min((s for _, s, _ in supports), default=ranked[0].probability if ranked else 0.0)
        described = (best < model.threshold and not missing and multi_part(analysis)
                     and analysis.kind in ("person", "organisation", "place")
                     and (supports or (analysis.kind != "place"
                                       and not (analysis.plan and analysis.plan.unknown_outlets)))
                     and weakest >= model.threshold)
        if described:
            best = weakest
        if (best < model.threshold and not described) or missing:
            missing = missing or [part for part, _, _ in supports if not any(
                c.answers >= model.threshold and part.admits(c.hit.source, c.hit.published) for c in ranked)]
            return _refusal(question, analysis, ranked, hits, best, missing)
        # the learned reader was trained on factoid questions that name no outlet
        read = analysis.kind in FACTOID_KINDS and not described and not (analysis.plan and analysis.plan.sources)
        if read and not multi_part(analysis):
            # the likeliest sentences in the order the reader reads them: "Which drugmaker is paying for the trial?"
            # gets the sentence saying who funds it before the one naming the institute running it
            ranked = reader_order(question, analysis, ranked, model.threshold)
        short, lead = _direct_answer(analysis, ranked, span_texts(hits, bodies), model.threshold)
        if described and not (short and all(_names(short, c, bodies) for _, _, c in supports)):
            return _refusal(question, analysis, ranked, hits, best)  # the outlets' articles share no one entity
        if short is None and analysis.kind == "open" and REASON_ASKED.search(analysis.question) \
                and not multi_part(analysis):  # "why is she stepping down?" over sentences that say she is, not why
            return _refusal(question, analysis, ranked, hits, best)
        if short is None and analysis.kind in ("person", "organisation", "place") and not multi_part(analysis):
            # "who was the man arrested?" over sentences that name no one but the people asked about: the articles
            # do not give the name
            return _refusal(question, analysis, ranked, hits, best)
        if read and doubts(question, lead.text, lead.hit.title, lead.hit.published):
            # the reader reads that the sentence to cite does not hold the thing asked for: the answer comes from a
            # likely sentence it accepts, or none
            others = accepted(question, [c for c in ranked[:8] if c is not lead and c.passed
                                         and c.answers >= model.threshold])
            short, lead = _direct_answer(analysis, others, span_texts(hits, bodies), model.threshold) if others \
                else (None, lead)
            if short is None or not any(c is lead for c in others):
                return _refusal(question, analysis, ranked, hits, best)
        if lead is not ranked[0]:
            ranked = [lead] + [c for c in ranked if c is not lead]
        chosen = _supporting(ranked, model.threshold, max_sentences, gated=not described,
                             across=across_articles(analysis))
    answer = _cited_answer(question, short, chosen, bodies)
    if answer is None:
        return _refusal(question, analysis, ranked, hits, best)
    answer.hits, answer.support = hits, best
    return answer


# A question about a figure or a holder as it stands after a story moved on ("how much is it now expected to cost?",
# "... after the revision", "in the end"), or as it was first given ("originally", "first estimate")
_LATEST_ASKED = re.compile(r"\b(?:now|latest|revised|updated|currently|in the end|end(?:ed|s)? up|eventually|"
                           r"most recent|at the moment|after (?:the )?(?:revision|redesign|review|inquiry|appeal|cuts?|"
                           r"consultation|delay|changes?|late [a-z]+))\b", re.I)
_FIRST_ASKED = re.compile(r"\b(?:original(?:ly)?|initial(?:ly)?|at first|first (?:estimate[sd]?|proposed|planned|"
                          r"announced|forecast|thought|expected|reported))\b", re.I)


def reader_order(question: str, analysis: QuestionAnalysis, ranked: list[Candidate],
                 threshold: float) -> list[Candidate]:
    """Return the ranked candidates with the likeliest put in the reader's order (reader_first), then led by the
    report of the date the question asks for (by_report_date): the order a factoid's span is chosen in, here and when
    the span model is fitted (rag.bench.train_spans)."""
    ranked = reader_first(question, ranked, pool(ranked, threshold))
    return by_report_date(analysis.question, ranked, pool(ranked, threshold))


def by_report_date(question: str, ranked: list[Candidate], head: list[Candidate]) -> list[Candidate]:
    """Return the ranked candidates with head, the likeliest that pass the checks, led by those of the latest report
    among them when the question asks how a story stands now ("scaled back ... to 21" over the first report's 24), or
    of the earliest when it asks how it was first told; the head's other sentences go last, out of the span's choice
    (they may still be cited after it). Else the ranked candidates as they are."""
    latest, first = bool(_LATEST_ASKED.search(question)), bool(_FIRST_ASKED.search(question))
    dates = {c.hit.published for c in head}
    if latest == first or len(head) < 2 or None in dates or len(dates) < 2:
        return ranked
    wanted = max(dates) if latest else min(dates)
    lead = [c for c in head if c.hit.published == wanted]
    rest = [c for c in head if c.hit.published != wanted]
    moved = {id(c) for c in head}
    return lead + [c for c in ranked if id(c) not in moved] + rest


def _names(entity: str, candidate: Candidate, bodies: dict[str, str] | None) -> bool:
    """Return True when the candidate's passage or article names the entity (its last word: "Bankman-Fried")."""
    key = normalise(entity).split()[-1]
    text = f"{candidate.hit.text} {(bodies or {}).get(candidate.hit.article_id, '')}"
    return re.search(rf"\b{re.escape(key)}\b", normalise(text)) is not None


def with_keyword_names(analysis: QuestionAnalysis, hits: list[Hit]) -> QuestionAnalysis:
    """Return the analysis with the names a keyword query writes in lower case, as the passages spell them; a keyword
    query that, names aside, states something ("marrowby bypass opened ahead of schedule") asks whether it is so."""
    extra = keyword_names(analysis, [f"{h.title}. {h.text}" for h in hits], ordinary_words())
    for short, country in (("us", "United States"), ("uk", "United Kingdom")):
        if analysis.is_keyword and re.search(rf"\b{short}\b", analysis.question) and not any(
                re.search(rf"\b(?:{short.upper()}|{country})\b", n) for n in analysis.names + extra):
            extra.append(country)  # "lumora band 2 us price": the US one, not the subscription's
    if extra:
        analysis = replace(analysis, names=analysis.names + extra)
    if not analysis.is_keyword:
        return analysis
    # the words of a name ask for nothing: "wrenfield prize ceremony venue" asks for a place, not a prize sum, once
    # "Wrenfield Prize" is known as a name
    named = {w.lower() for n in analysis.names for w in n.split()}
    rest = " ".join(w for w in analysis.question.split() if w.lower().strip("'’") not in named
                    and w.lower().removesuffix("'s").removesuffix("’s") not in named)
    # a query with no asking word is read by its last noun once its names are known ("thornley bungalow fire rescuer":
    # a person), a guess that does not overrule the kind its words give
    kind = question_kind(rest, lexicon=analysis.kind == "open") if rest else "open"
    if kind == "open" and analysis.kind == "open" and states_something(rest):
        return replace(analysis, kind="yesno")
    if (extra or analysis.kind == "open") and kind != "open" and kind != analysis.kind:
        analysis = replace(analysis, kind=kind)
    return analysis


def span_texts(hits: list[Hit], bodies: dict[str, str] | None) -> list[str]:
    """Return the texts spans are read against: the passages and the top three whole articles (names in full)."""
    return [h.text for h in hits] + list(dict.fromkeys((bodies or {}).get(h.article_id, "") for h in hits))[:3]


def absent_names(analysis: QuestionAnalysis, hits: list[Hit]) -> list[str]:
    """Return the names of a one-article question that no retrieved passage (nor its title) mentions. A question
    about several articles describes them at length and is left to the per-part checks."""
    if multi_part(analysis) or analysis.is_keyword:
        return []
    texts = [normalise(f"{h.title} {h.text}") for h in hits]
    absent = [n for n in analysis.names if not any(has_term(n, t) for t in texts)]
    if absent:  # a name asked by its initials ("the APA poll") that a passage spells out ("the American
        initials = " ".join(acronyms(f"{h.title}. {h.text}") for h in hits).split()  # Psychological Association")
        absent = [n for n in absent if n.lower() not in initials]
    return absent


def absent_outlets(analysis: QuestionAnalysis, hits: list[Hit]) -> list[str]:
    """Return the outlets a question asks about ("according to a Bloomberg article") that the index has no articles
    from and no retrieved passage mentions: what they reported is not in the corpus."""
    unknown = analysis.plan.unknown_outlets if analysis.plan else []
    texts = [normalise(f"{h.title} {h.text}") for h in hits]
    return [o for o in unknown if not any(has_term(o, t) for t in texts)]


def _direct_answer(analysis: QuestionAnalysis, ranked: list[Candidate], texts: list[str],
                   threshold: float) -> tuple[str | None, Candidate]:
    """Return the direct answer and the sentence to cite for it: the span of the best answering sentence that holds
    one, or for a question whose answer is an entity described across several articles, the entity most of the
    likely sentences name."""
    if analysis.kind in ("person", "organisation", "place") and multi_part(analysis):
        entity = vote_entity(analysis, [(c.text, c.probability) for c in ranked[:12]], texts)
        key = entity.split()[-1] if entity else ""
        naming = [c for c in ranked if key and normalise(key) in normalise(c.text)]
        # a sentence that passes the checks, else (an entity no one sentence describes in full) the likeliest
        holders = [c for c in naming if c.passed] or (naming[:1] if not any(c.passed for c in ranked) else [])
        if analysis.kind == "organisation" and entity:  # named in full ("Alameda" -> "Alameda Research")
            entity = full_org_name(entity, texts)
        if holders:
            return entity, holders[0]
        short, lead = rule_answer(analysis, ranked, texts, threshold)
        # no passing sentence names the entity, nor gives a name: the entity the likely sentences name
        return (short, lead) if short or not naming else (entity, naming[0])
    elif analysis.kind in SPAN_KINDS and (picked := choose(analysis, ranked, texts, threshold, span_model())):
        short, candidate = picked  # the learned choice among the likeliest sentences' spans
    else:
        short, candidate = rule_answer(analysis, ranked, texts, threshold)  # (dated already)
        if analysis.kind == "date" or not short:
            return short, candidate
    if analysis.kind == "date":
        return dated(short, candidate.hit.published), candidate
    if analysis.kind == "money":
        return with_rate(candidate.text, with_range(candidate.text, short)), candidate
    if analysis.kind == "number" and short:
        short = with_tally(analysis.question, candidate.text, short)
    if short and re.search(r"\bhow (?:often|frequently)\b", analysis.question, re.I) and re.search(
            rf"\bevery {re.escape(short)}", candidate.text, re.I):
        return f"every {short}", candidate  # "how often will the 46 run?": "every 30 minutes", not a length of time
    return short, candidate


def rule_answer(analysis: QuestionAnalysis, ranked: list[Candidate], texts: list[str],
                threshold: float) -> tuple[str | None, Candidate]:
    """Return the span the rules give and its sentence: the first of the likeliest sentences that holds one."""
    # the best answering sentence that holds the span asked for ("terrible pattern"), else the best one
    # (an open question's measure only from the best two sentences: a figure further down answers something else)
    likely = pool(ranked, threshold)
    if analysis.kind == "open" and REASON_ASKED.search(analysis.question):  # "why ...?": the cause a likely
        # sentence gives, a sure word ("because of", "blaming") before a word that may only order events ("after");
        # the answer model scores what a sentence states, not a cause, so a sure word is read a little further down
        further = likely + [c for c in ranked[:8] if c.passed and c not in likely
                            and any(c.hit.article_id == l.hit.article_id for l in likely)]  # (its report)
        for weak, read in ((False, further), (True, likely)):
            if said := next(((cause, c) for c in read if (cause := reason_span(c.text, weak, analysis.question))),
                            None):
                return said
    found = []
    for candidate in likely[:2 if analysis.kind == "open" else 4]:
        if short := extract_short(analysis, candidate.text, texts):
            found.append((short, candidate))
            if analysis.kind != "date" or not VAGUE_TIME.fullmatch(short):
                break  # a date question's "this year" gives way to a likely sentence's day ("begin on 6 May")
    if not found:
        return None, ranked[0]
    short, candidate = next((f for f in found if not VAGUE_TIME.fullmatch(f[0])), found[0]) \
        if analysis.kind == "date" else found[0]
    return dated(short, candidate.hit.published) if analysis.kind == "date" else short, candidate


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def dated(short: str, published: date | None) -> str:
    """Return a date answer a reader can place: a day, week, month or year named relative to the article ("today",
    "yesterday", "Saturday", "last week", "this month") with the calendar date it means in an article of that
    publication date ("today (7 October 2023)", "this month (November 2023)")."""
    word = " ".join(short.lower().split())
    if published is None:
        return short
    if word in ("today", "tonight", "yesterday", "tomorrow"):
        day = published + timedelta(days={"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word])
    elif word in _WEEKDAYS:  # the last such day on or before the article's date
        day = published - timedelta(days=(published.weekday() - _WEEKDAYS.index(word)) % 7)
    elif VAGUE_TIME.fullmatch(word):
        which, unit = word.split()
        step = {"last": -1, "this": 0, "next": 1}[which]
        if unit == "year":
            return f"{short} ({published.year + step})"
        if unit == "month":
            month = published.year * 12 + published.month - 1 + step
            return f"{short} ({date(month // 12, month % 12 + 1, 1):%B %Y})"
        monday = published - timedelta(days=published.weekday() - 7 * step)
        return f"{short} (the week of {monday.day} {monday:%B %Y})"
    else:
        return short
    return f"{short} ({day.day} {day:%B %Y})"


# "How do the articles describe ...?", "according to the reports": the question is about what each article says
_ACROSS = re.compile(r"\b(the|both|all|each|these|those|two|several)\s+(\w+\s+)?(articles|reports|stories|sources|"
                     r"outlets|accounts|pieces)\b|\b(each|every|either)\s+(article|report|story|source|outlet)\b", re.I)


def across_articles(analysis: QuestionAnalysis) -> list[str]:
    """Return the names a question about what several articles say (not naming them) asks about, so that its answer
    cites each article's own sentence on them; [] for any other question."""
    if analysis.plan and analysis.plan.subqueries or not _ACROSS.search(analysis.question):
        return []
    return analysis.names or [""]


def _supporting(ranked: list[Candidate], threshold: float, max_sentences: int,
                gated: bool = True, across: list[str] = ()) -> list[list[Candidate]]:
    """Return up to max_sentences claims (groups of the same sentence in several articles), best first.

    across: for a question about what several articles say, the names asked about. The claims after the first then
    come from other articles: each one's sentence holding most of the names, closest in meaning to the first claim
    (its story, not another naming the same person), at half the threshold (the first claim already answers), so
    that articles that differ (one calls Trump "former U.S. President", the other "US President") are both
    quoted."""
    def score(c: Candidate) -> float:
        return c.probability if across or not gated else c.answers

    groups = [[ranked[0]]]
    for candidate in ranked[1:]:
        if score(candidate) < max(threshold, 0.6 * score(ranked[0])):
            continue
        same = next((g for g in groups if _near_duplicate(g[0].text, candidate.text)), None)
        if same is not None:
            if normalise(same[0].text) == normalise(candidate.text) and all(
                    c.hit.article_id != candidate.hit.article_id for c in same):
                same.append(candidate)  # a wire copy: the same sentence in another article is a second citation
            continue
        if len(groups) < max_sentences:
            groups.append([candidate])
    if across:
        def held(c: Candidate) -> tuple[int, int]:  # names written in full, names at all
            text = normalise(c.text)
            return (sum(normalise(name) in text for name in across if name),
                    sum(has_term(name, text) for name in across if name))

        def near(c: Candidate) -> float:  # on the first claim's story, not another one naming the same person
            first = groups[0][0]
            return float(c.vector @ first.vector) if c.vector is not None and first.vector is not None else 0.0

        groups = groups[:1]
        others = [c for c in ranked[1:] if score(c) >= 0.5 * threshold and (held(c)[1] or across == [""])]
        for candidate in sorted(others, key=lambda c: (-held(c)[0], -held(c)[1], -near(c))):
            if len(groups) >= max_sentences:
                break
            if candidate.hit.article_id not in {c.hit.article_id for g in groups for c in g}:
                groups.append([candidate])
    return groups


def _near_duplicate(a: str, b: str) -> bool:
    wa, wb = set(a.lower().split()), set(b.lower().split())
    return len(wa & wb) / max(1, min(len(wa), len(wb))) > 0.7


def _ends(name: str) -> set[str]:
    """Return the first and last words of a name."""
    words = name.split()
    return {words[0], words[-1]} if words else set()


def _cited_answer(question: str, short: str | None, groups: list[list[Candidate]],
                  bodies: dict[str, str] | None) -> Answer | None:
    """Return the answer text with dense citation numbers, each citation verified against its article; None when
    verification leaves nothing."""
    numbered: dict[tuple[str, int], int] = {}
    claims = []
    for group in groups:
        citations = []
        for c in group:
            key = (c.hit.chunk_id, c.start)
            numbered.setdefault(key, len(numbered) + 1)
            citations.append(Citation(**c.hit.article_ref(), n=numbered[key], quote=c.text, start=c.start, end=c.end,
                                      score=round(c.probability, 4), passage=c.hit.text))
        claims.append((group[0].text, citations))
    claims = verify_citations(claims, bodies)
    if not claims:
        return None
    cited = sorted({c.n: c for _, cites in claims for c in cites}.values(), key=lambda c: c.n)
    renumber = {c.n: new for new, c in enumerate(cited, 1)}
    for citation in cited:
        citation.n = renumber[citation.n]
    sentences = [sentence + " " + "".join(f"[{c.n}]" for c in cites) for sentence, cites in claims]
    lead = ""
    if short in VERDICTS:  # the verdict cites every sentence it rests on
        lead = f"{short} " + "".join(f"[{c.n}]" for c in cited) + ". "
    elif short and any(normalise(w) in normalise(claims[0][0]) for w in _ends(short.split(" (")[0])):
        # "Sam Bankman-Fried": the sentence may name him by surname, "Alameda Research" by its first word;
        # "today (7 October 2023)", "Fed (Federal Reserve)": what is in brackets is ours
        lead = f"{short} " + "".join(f"[{c.n}]" for c in claims[0][1]) + ". "
    else:
        short = None
    return Answer(question=question, text=lead + " ".join(sentences), refused=False, citations=cited, short=short)


def _refusal(question: str, analysis: QuestionAnalysis, ranked: list[Candidate], hits: list[Hit],
             best: float, missing_parts: list | None = None, note: str = "") -> Answer:
    """Return a refusal that says what the closest articles do hold, with them as related reading (not citations);
    note: the reason instead, when the caller knows it."""
    text = REFUSAL
    if note:
        text += note
    elif missing_parts:
        outlets = list(dict.fromkeys(source for part in missing_parts for source in part.sources))
        text += (f" No article from {' or '.join(outlets)} among the closest ones bears on "
                 f"\u201c{missing_parts[0].text.strip(' ,.?')}\u201d.")
    elif ranked:
        near = normalise(" ".join(f"{c.text} {c.context} {c.hit.title} {c.hit.source}" for c in ranked[:5]))
        missing = [t for t in analysis.constraints if normalise(t) not in near]
        titles = list(dict.fromkeys(h.title for h in hits[:3] if h.title))
        if titles:
            text += " The closest articles are " + "; ".join(f"\u201c{t}\u201d" for t in titles)
            text += (f", but they do not mention {', '.join(missing)} in connection with the question."
                     if missing else ", but none of their sentences states what the question asks.")
    return Answer(question=question, text=text, refused=True, hits=hits, related=hits[:3], support=best)
