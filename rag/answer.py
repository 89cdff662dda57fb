"""Extractive, cited answers: pick the retrieved sentences that answer the question, or refuse."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from .cite import normalise, verify_citations
from .embed import Embedder
from .lexical import tokenize
from .types import Answer, Citation, Hit

# A sentence ends at . ! ? … (not after initials like "U.S." or titles like "Mr."), or at a paragraph break.
_ABBREVIATIONS = r"(?<!\b[A-Z]\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSt\.)(?<!\bJr\.)(?<!\bNo\.)(?<!\bvs\.)(?<!\bMrs\.)"
_SENTENCE_END = re.compile(_ABBREVIATIONS + r"(?<=[.!?…])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n+")
_NUMBER = re.compile(r"\b\d[\d,.]*\b")
_DATE_WORDS = re.compile(r"\b(?:\d{4}|January|February|March|April|May|June|July|August|September|October|"
                         r"November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                         r"yesterday|today|last (?:week|month|year))\b")
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:[-\s][A-Z][a-z]+)*")
_NAMING_ASKED = re.compile(r"\b(call|called|calls|describe[ds]?|term(ed)?|label(l?ed)?|dub(bed)?)\b")
_SAYING_ASKED = re.compile(r"\b(say|said|says|quote[ds]?|words)\b")
_QUOTATION = re.compile(r"[“\"]([^”\"]{3,})[”\"]")
_KEY_TERM = re.compile(r"\b(?:\d[\d,.]*|[A-Z][\w'’-]*[A-Za-z0-9])\b")
_QUESTION_WORDS = {"who", "what", "when", "where", "which", "why", "how", "did", "does", "do", "is", "are", "was",
                   "were", "has", "have", "had", "can", "could", "will", "would", "should", "the", "a", "an", "in",
                   "on", "of", "and", "or", "according", "after", "before", "between", "both"}
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


def split_sentences(hit: Hit, rank: int = 0) -> list[Candidate]:
    """Return the sentences of a hit with their character spans in the article."""
    candidates, cursor, previous = [], 0, ""
    for piece in _SENTENCE_END.split(hit.text) + [""]:
        if not piece:
            continue
        offset = hit.text.find(piece, cursor)
        cursor = offset + len(piece)
        text = piece.strip()
        if len(text) >= 25 and len(text.split()) >= 5:
            lead = len(piece) - len(piece.lstrip())
            start = hit.start + offset + lead
            candidates.append(Candidate(text=text, hit=hit, start=start, end=start + len(text),
                                        context=f"{hit.title} {previous}", rank=rank))
        previous = text
    return candidates


def key_terms(question: str) -> list[str]:
    """Return the question's names and numbers (not sentence-initial question words) that evidence must contain."""
    terms = []
    for match in _KEY_TERM.finditer(question):
        word = match.group(0)
        if word.lower() in _QUESTION_WORDS or (match.start() == 0 and not word[0].isdigit()):
            continue
        terms.append(word)
    return terms


def _type_bonus(question: str, sentence: str) -> float:
    q = question.lower()
    if q.startswith(("how many", "how much")) or "number of" in q:
        return 0.1 if _NUMBER.search(sentence) else -0.05
    if q.startswith("when") or "what date" in q or "what year" in q:
        return 0.1 if _DATE_WORDS.search(sentence) else -0.05
    quotes = _QUOTATION.findall(sentence)
    if _NAMING_ASKED.search(q):  # "what did X call Y?" is answered by a short quoted phrase, not a speech
        return 0.15 if any(len(quote.split()) <= 6 for quote in quotes) else 0.0
    if _SAYING_ASKED.search(q):
        return 0.1 if quotes else 0.0
    if q.startswith(("who", "where", "which")):
        return 0.05 if _NAME.search(sentence) else 0.0
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


def support_level(question: str, hits: list[Hit], best: float) -> float:
    """Return how well the passages support an answer: best sentence score, scaled by key-term coverage."""
    terms = key_terms(question)
    if not terms:
        return best
    evidence = " ".join(f"{h.title} {h.source} {h.text}" for h in hits).lower()
    covered = sum(term.lower().rstrip("'’s") in evidence for term in terms) / len(terms)
    return best * covered


def _near_duplicate(a: str, b: str) -> bool:
    wa, wb = set(a.lower().split()), set(b.lower().split())
    return len(wa & wb) / max(1, min(len(wa), len(wb))) > 0.7


def compose_answer(question: str, hits: list[Hit], embedder: Embedder, *, max_sentences: int = 3,
                   threshold: float = 0.45, bodies: dict[str, str] | None = None) -> Answer:
    """Return an extractive answer whose every sentence ends with verified citation markers, or a refusal."""
    candidates = [c for rank, hit in enumerate(hits) for c in split_sentences(hit, rank)]
    if not candidates:
        return Answer(question=question, text=REFUSAL, refused=True, hits=hits)
    ranked = score_candidates(question, candidates, embedder)
    support = support_level(question, hits, ranked[0].score)
    if support < threshold:
        return Answer(question=question, text=REFUSAL, refused=True, hits=hits, support=support)

    groups: list[list[Candidate]] = []  # each group: one claim, and every article that says it word for word
    for candidate in ranked:
        if candidate.score < max(threshold, 0.8 * ranked[0].score):
            break
        same = next((g for g in groups if _near_duplicate(g[0].text, candidate.text)), None)
        if same is None and len(groups) < max_sentences:
            groups.append([candidate])
        elif same is not None and normalise(same[0].text) == normalise(candidate.text) and all(
                c.hit.article_id != candidate.hit.article_id for c in same):
            same.append(candidate)  # a wire copy: the same sentence in another article is a second citation

    claims, numbered = [], {}
    for group in groups:
        citations = []
        for c in group:
            key = (c.hit.chunk_id, c.start)
            numbered.setdefault(key, len(numbered) + 1)
            citations.append(Citation(
                n=numbered[key], article_id=c.hit.article_id, title=c.hit.title, source=c.hit.source,
                published=c.hit.published, url=c.hit.url, quote=c.text, start=c.start, end=c.end,
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
