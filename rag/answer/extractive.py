"""Extractive, cited answers: pick the retrieved sentences that answer the question, or refuse."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from ..index.embed import Embedder
from ..text import QUESTION_WORDS, normalise, split_sentences, tokenize
from ..types import Answer, Citation, Hit
from .support import verify_citations

_NUMBER = re.compile(r"\b\d[\d,.]*\b")
_DATE_WORDS = re.compile(r"\b(?:\d{4}|January|February|March|April|May|June|July|August|September|October|"
                         r"November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                         r"yesterday|today|last (?:week|month|year))\b")
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:[-\s][A-Z][a-z]+)*")
_NAMING_ASKED = re.compile(r"\b(call|called|calls|describe[ds]?|term(ed)?|label(l?ed)?|dub(bed)?)\b")
_SAYING_ASKED = re.compile(r"\b(say|said|says|quote[ds]?|words)\b")
_QUOTATION = re.compile(r"[“\"]([^”\"]{3,})[”\"]")
_KEY_TERM = re.compile(r"\b(?:\d[\d,.]*|[A-Z][\w'’-]*[A-Za-z0-9])\b")
REFUSAL = ("The corpus does not say. None of the indexed articles supports an answer to this question"
           " strongly enough to cite.")


@dataclass
class Candidate:
    """A sentence of a retrieved passage, scored against the question."""

    text: str
    hit: Hit
    start: int
    end: int
    context: str = ""  # the article title and the sentence before: who "he" is, what "it" refers to
    rank: int = 0  # rank of its passage in retrieval
    score: float = 0.0


def hit_sentences(hit: Hit, rank: int = 0) -> list[Candidate]:
    """Return the sentences of a hit (25+ characters, 5+ words) with their character spans in the article."""
    candidates, previous = [], ""
    for start, end, text in split_sentences(hit.text):
        if len(text) >= 25 and len(text.split()) >= 5:
            candidates.append(Candidate(text=text, hit=hit, start=hit.start + start, end=hit.start + end,
                                        context=f"{hit.title} {previous}", rank=rank))
        previous = text
    return candidates


def key_terms(question: str) -> list[str]:
    """Return the question's names and numbers (not sentence-initial question words) that evidence must contain."""
    terms = []
    for match in _KEY_TERM.finditer(question):
        word = match.group(0)
        if word.lower() in QUESTION_WORDS or (match.start() == 0 and not word[0].isdigit()):
            continue
        terms.append(word)
    return terms


def _novel(pattern: re.Pattern, sentence: str, question: str) -> bool:
    """Return True when the sentence has a match of pattern that the question does not already contain."""
    asked = question.lower()
    return any(m.group(0).lower() not in asked for m in pattern.finditer(sentence))


def _type_bonus(question: str, sentence: str) -> float:
    """Return a bonus for a sentence holding the kind of thing asked for (a number, a date, a name, a quote)."""
    q = question.lower()
    if q.startswith(("how many", "how much")) or "number of" in q:
        return 0.1 if _novel(_NUMBER, sentence, question) else -0.05
    if q.startswith("when") or "what date" in q or "what year" in q or "which day" in q:
        return 0.1 if _novel(_DATE_WORDS, sentence, question) else -0.05
    quotes = _QUOTATION.findall(sentence)
    if _NAMING_ASKED.search(q):  # "what did X call Y?" is answered by a short quoted phrase, not a speech
        return 0.15 if any(len(quote.split()) <= 6 for quote in quotes) else 0.0
    if _SAYING_ASKED.search(q):
        return 0.1 if quotes else 0.0
    if q.startswith(("who", "where", "which", "whom", "whose")):
        return 0.1 if _novel(_NAME, sentence, question) else 0.0
    return 0.0


def _weighted_coverage(weights: dict[str, float], tokens: set[str]) -> float:
    return sum(w for t, w in weights.items() if t in tokens) / max(1e-9, sum(weights.values()))


def score_candidates(question: str, candidates: list[Candidate], embedder: Embedder, keep: int = 24) -> list[Candidate]:
    """Score sentences (MiniLM similarity + term coverage + answer type); return the best `keep`, best first.

    Term coverage counts the sentence's own words fully and its context (title, previous sentence) partly, with
    the question's names and numbers weighing double. Only the lexically best `keep` sentences are embedded.
    """
    key = set(tokenize([" ".join(key_terms(question))])[0])
    weights = {t: 2.0 if t in key else 1.0 for t in tokenize([question])[0]}
    own = tokenize([c.text for c in candidates])
    context = tokenize([c.context for c in candidates])
    for candidate, words, around in zip(candidates, own, context):
        words = set(words)
        candidate.score = (0.65 * _weighted_coverage(weights, words) + 0.35 * _weighted_coverage(weights, words | set(around))
                           ) * 0.45 + _type_bonus(question, candidate.text)
    shortlist = sorted(candidates, key=lambda c: (-c.score, c.rank))[:keep]
    vectors = embedder.encode([question] + [c.text for c in shortlist])
    for candidate, similarity in zip(shortlist, vectors[1:] @ vectors[0]):
        candidate.score += 0.55 * float(similarity)
    return sorted(shortlist, key=lambda c: -c.score)


def evidence_text(candidate: Candidate) -> str:
    """Return what a cited sentence brings as evidence: its passage, title, source and publication date."""
    hit = candidate.hit
    when = f"{hit.published.isoformat()} {hit.published.strftime('%B %d %Y')}" if hit.published else ""
    return f"{hit.title} {hit.source} {when} {hit.text}".lower()


def term_coverage(terms: list[str], evidence: str) -> float:
    """Return the share of the question's key terms found in the evidence (1.0 when there are none)."""
    if not terms:
        return 1.0
    return sum(term.lower().rstrip("'’s") in evidence for term in terms) / len(terms)


def select_sentences(question: str, ranked: list[Candidate], max_sentences: int) -> list[list[Candidate]]:
    """Return claims (groups of identical sentences), best first; later ones must add key terms or score high.

    Greedy cover: a multi-hop question ("... reported by both TechCrunch and The Verge") needs sentences from
    several articles, so a sentence that brings a key term not yet cited is preferred over a near-repeat.
    """
    terms = key_terms(question)
    best = ranked[0].score
    groups = [[ranked[0]]]
    covered = evidence_text(ranked[0])
    best_coverage = term_coverage(terms, covered)
    for candidate in ranked[1:]:
        if candidate.score < 0.6 * best:
            break
        same = next((g for g in groups if _near_duplicate(g[0].text, candidate.text)), None)
        if same is not None:
            if normalise(same[0].text) == normalise(candidate.text) and all(
                    c.hit.article_id != candidate.hit.article_id for c in same):
                same.append(candidate)  # a wire copy: the same sentence in another article is a second citation
            continue
        evidence = evidence_text(candidate)
        adds_terms = any(t.lower() not in covered and t.lower() in evidence for t in terms)
        # A high score alone is not enough: "how many were killed in Sumy" must not pull in a toll from Gaza.
        on_topic = term_coverage(terms, evidence) >= best_coverage
        if len(groups) < max_sentences and (adds_terms or (on_topic and candidate.score >= 0.8 * best)):
            groups.append([candidate])
            covered += " " + evidence
    return groups


def _near_duplicate(a: str, b: str) -> bool:
    wa, wb = set(a.lower().split()), set(b.lower().split())
    return len(wa & wb) / max(1, min(len(wa), len(wb))) > 0.7


def _named_coverage(question: str, best: Candidate, groups: list[list[Candidate]], outlets: list[str]) -> float:
    """Return the share of the question's names and numbers that the answer's evidence holds.

    An outlet name ("reported by TechCrunch and The Verge") may be held by any cited passage; every other name,
    number or date must be in the passage of the best sentence: "killed in Kharkiv" is not answered by a passage
    about Sumy just because another retrieved article mentions Kharkiv.
    """
    terms = key_terms(question)
    if not terms:
        return 1.0
    known = " | ".join(outlets).lower()
    own = evidence_text(best)
    cited = " ".join(evidence_text(c) for group in groups for c in group)
    found = sum(term_coverage([t], cited if t.lower() in known else own) for t in terms)
    return found / len(terms)


def compose_answer(question: str, hits: list[Hit], embedder: Embedder, *, max_sentences: int = 3,
                   threshold: float = 0.21, bodies: dict[str, str] | None = None,
                   outlets: list[str] | None = None) -> Answer:
    """Return an extractive answer whose every sentence ends with verified citation markers, or a refusal.

    `outlets` are the index's source names, which the question may use to say where something was reported.
    """
    candidates = [c for rank, hit in enumerate(hits) for c in hit_sentences(hit, rank)]
    if not candidates:
        return Answer(question=question, text=REFUSAL, refused=True, hits=hits)
    ranked = score_candidates(question, candidates, embedder)
    groups = select_sentences(question, ranked, max_sentences)
    support = ranked[0].score * _named_coverage(question, ranked[0], groups, outlets or [])
    if support < threshold:
        return Answer(question=question, text=REFUSAL, refused=True, hits=hits, support=support)

    claims, numbered = [], {}
    for group in groups:
        citations = []
        for c in group:
            key = (c.hit.chunk_id, c.start)
            numbered.setdefault(key, len(numbered) + 1)
            citations.append(Citation(**c.hit.article_ref(), n=numbered[key], quote=c.text, start=c.start, end=c.end,
                                      score=round(c.score, 4), passage=c.hit.text))
        claims.append((group[0].text, citations))
    claims = verify_citations(claims, bodies)
    if not claims:
        return Answer(question=question, text=REFUSAL, refused=True, hits=hits, support=support)
    text = " ".join(sentence + " " + "".join(f"[{c.n}]" for c in cites) for sentence, cites in claims)
    cited = sorted({c.n: c for _, cites in claims for c in cites}.values(), key=lambda c: c.n)
    for new_n, citation in enumerate(cited, 1):  # renumber densely after verification dropped any
        text = text.replace(f"[{citation.n}]", f"[#{new_n}]")
        citation.n = new_n
    return Answer(question=question, text=text.replace("[#", "["), refused=False, citations=cited, hits=hits,
                  support=support)
