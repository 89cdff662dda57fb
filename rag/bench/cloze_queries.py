"""Inverse-cloze training queries: a sentence of an article asks for the article's other chunks.

A training style where the query's words are mostly not in the chunks that answer it, so the reranker sees queries
on which MiniLM similarity, not word overlap, finds the story (the hand-written paraphrase questions are of that
kind; they are never trained on). The rule (deterministic, no model, no randomness):

1. **Articles**: the training side of keyword_queries.py (one in three by a hash of the title; the gold articles of
   the hand-written held-out sets are never on it; an article whose title occurs twice is skipped).
2. **Sentences**: the article's sentences (rag.text.split_sentences) of 12-40 words that end with ".", "!" or "?"
   and that no other article of the corpus holds (boilerplate has no single right article). With at least two, the
   ones at positions n // 3 and 2n // 3 of the n eligible sentences are picked.
3. **Query**: variant "a" is the first picked sentence as written. Variant "b" is the second one with its proper
   names (a word the article writes capitalised and never in lower case, keyword_queries' test) and words holding a
   digit dropped, ending in "?": a name-free question-shaped query, so that neither a name nor the question form tells
   this style apart.
4. **Candidates**: the article's chunks that share a run of 5 words with the sentence (the sentence's own chunk,
   and its neighbour when chunks overlap) and any chunk holding the whole sentence are removed from the corpus for
   that query (`without_chunks`): the model must find the same story by meaning, not by the verbatim words.
   Positives are the article's other chunks.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..text import normalise, split_sentences, squash
from .keyword_queries import is_proper_name, is_training_article, words

SENTENCE_WORDS = (12, 40)
_RUN = 5  # a chunk sharing this many consecutive words with the sentence holds (part of) it


@dataclass(frozen=True)
class ClozeQuery:
    """An inverse-cloze query, the sentence it was made from and its article (matched by title)."""

    query: str
    sentence: str
    article_id: str
    title: str
    variant: str


def pick_sentences(body: str, shared: Counter | None = None) -> list[str]:
    """Return the article's two picked sentences (rule step 2), or [] when it has fewer than two eligible ones
    (shared: in how many articles each sentence, in `flat_text` form, occurs)."""
    eligible = [s for _, _, s in split_sentences(body)
                if "\n" not in s and s.endswith((".", "!", "?"))
                and SENTENCE_WORDS[0] <= len(words(s)) <= SENTENCE_WORDS[1]
                and (shared is None or shared[flat_text(s)] <= 1)]
    n = len(eligible)
    return [eligible[n // 3], eligible[2 * n // 3]] if n >= 2 else []


@lru_cache(maxsize=None)
def flat_text(text: str) -> str:
    return squash(normalise(text))


def drop_names(sentence: str, body: str) -> str:
    """Return the sentence without its proper names and words holding a digit, ending in "?" (variant "b")."""
    kept = [w for w in sentence.rstrip(".!?").split()
            if not any(c.isdigit() for c in w) and not any(is_proper_name(part, body) for part in words(w))]
    return " ".join(kept).rstrip(",;:") + "?"


def generate(articles: Sequence, held_out_titles: set[str] = frozenset()) -> list[ClozeQuery]:
    """Return the inverse-cloze queries of the training-side articles (objects with id, title, body)."""
    title_count = Counter(a.title for a in articles)
    shared = Counter(flat for a in articles for flat in {flat_text(s) for _, _, s in split_sentences(a.body)})
    queries = []
    for article in sorted(articles, key=lambda a: a.id):
        if (title_count[article.title] > 1 or not is_training_article(article.title)
                or article.title in held_out_titles):
            continue
        picked = pick_sentences(article.body, shared)
        if picked:
            queries.append(ClozeQuery(picked[0], picked[0], article.id, article.title, "a"))
            queries.append(ClozeQuery(drop_names(picked[1], article.body), picked[1], article.id, article.title, "b"))
    return queries


def chunks_holding(sentence: str, title: str, chunks: Sequence) -> list[str]:
    """Return the ids of the chunks to remove for a query (rule step 4): the titled article's chunks sharing a run
    of _RUN words with the sentence, and any chunk holding the whole sentence."""
    def runs(text: str) -> set[tuple[str, ...]]:
        tokens = [w.lower() for w in words(text)]
        return set(zip(*[tokens[i:] for i in range(_RUN)]))

    sentence_runs, whole, gold = runs(sentence), flat_text(sentence), normalise(title)
    return [c.id for c in chunks if (normalise(c.title) == gold and runs(c.text) & sentence_runs)
            or whole in flat_text(c.text)]


class _LexicalWithout:
    """A LexicalIndex whose every mask also zeroes some rows (so BM25 and all its sub-rankings skip them)."""

    def __init__(self, lexical, rows: list[int]):
        self._lexical, self._rows = lexical, rows

    def mask(self, sources, since, until):
        keep = self._lexical.mask(sources, since, until)
        keep = np.ones(len(self._lexical.ids), dtype=np.float32) if keep is None else keep.copy()
        keep[self._rows] = 0
        return keep

    def __getattr__(self, name):
        return getattr(self._lexical, name)


class _VectorsWithout:
    """A VectorStore whose nearest-chunk queries skip some chunk ids."""

    def __init__(self, vectors, ids: set[str]):
        self._vectors, self._ids = vectors, ids

    def query(self, vector, n: int, where=None):
        return [hit for hit in self._vectors.query(vector, n + len(self._ids), where) if hit[0] not in self._ids][:n]

    def __getattr__(self, name):
        return getattr(self._vectors, name)


def without_chunks(lexical, vectors, ids: list[str]):
    """Return (lexical index, vector store) views of the index in which the given chunks do not exist."""
    row_of = lexical.row_of
    return _LexicalWithout(lexical, [row_of[i] for i in ids if i in row_of]), _VectorsWithout(vectors, set(ids))
