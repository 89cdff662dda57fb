"""Learned reranking of the candidate pool without a cross-encoder.

No PyPI package bundles reranker or NLI weights, so we score each (question, candidate chunk) pair with lexical
features (fused rank, BM25 of each clause of the question, phrase overlap, best-matching sentence, outlet match,
place in the article) plus MiniLM similarity of the chunk to the question and to each of its clauses, with a small
gradient-boosted tree model trained on MultiHop-RAG dev questions (`python -m rag.rerank_train`, saved as plain
JSON in rag/models/). When a candidate has no vector yet (first indexing still running) the lexical-only model
ranks instead.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from .lexical import LexicalIndex, tokenize, tokenize_text, top_rows
from .query import QueryPlan
from .types import Chunk

MODELS = Path(__file__).parent / "models"
LEXICAL_FEATURES = ("fused", "fused_rank", "bm25", "outlet_query", "named_outlet", "part_best", "part_mean",
                    "part_rank", "coverage", "bigrams", "title", "sentence_part", "phrase", "position")
DENSE_FEATURES = ("dense", "dense_gap", "dense_part", "dense_part_gap")
FEATURES = LEXICAL_FEATURES + DENSE_FEATURES
PHRASE_LONGEST = 5  # the phrase feature counts shared runs of 2..5 tokens
_CLAUSE = re.compile(r",\s*(?:while|whereas|but|and|or)\b|\bwhile\b|\bwhereas\b|;|,\s+(?=(?:does|did|is|was|has|have)\b)"
                     r"|\?", re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.!?\u201d\"])\s+(?=[A-Z\u201c\"])")


def question_parts(question: str, plan: QueryPlan) -> list[str]:
    """Return the pieces of a question to match on their own: per-outlet segments and clauses (3+ content words)."""
    parts = [sub.text for sub in plan.subqueries] if len(plan.subqueries) >= 2 else []
    parts += [piece for piece in _CLAUSE.split(question) if piece and len(tokenize_text(piece)) >= 3]
    return list(dict.fromkeys(parts))


@dataclass
class PoolContext:
    """What the features of one question's candidates are computed from."""

    question: str
    plan: QueryPlan
    fused: dict[int, float]          # row -> fused RRF score
    base: np.ndarray                 # whole-question BM25 score of every row
    outlet_scores: list[np.ndarray]  # BM25 restricted to each named outlet / date window
    part_scores: list[np.ndarray]    # BM25 of each question part
    part_tokens: list[list[str]]     # each part's distinct indexed tokens (LexicalIndex.query_tokens)


def candidate_rows(context: PoolContext, fused_depth: int = 100, part_depth: int = 10) -> list[int]:
    """Return the rows to rerank: the fused top `fused_depth` plus each question part's top `part_depth`."""
    order = sorted(context.fused, key=lambda row: -context.fused[row])[:fused_depth]
    rows = dict.fromkeys(order)
    for scores in context.part_scores:
        rows.update(dict.fromkeys(int(i) for i in top_rows(scores, part_depth)))
    return list(rows)


def features(context: PoolContext, rows: list[int], chunks: list[Chunk], lexical: LexicalIndex) -> np.ndarray:
    """Return the lexical feature matrix (one row per candidate, columns in LEXICAL_FEATURES order)."""
    sequence = list(tokenize_text(context.question))
    question_tokens = lexical.query_tokens(context.question)
    idf = lexical.idf(question_tokens)
    idf_total = sum(idf.values()) or 1.0
    part_idf = [lexical.idf(tokens) for tokens in context.part_tokens]
    part_totals = [sum(weights.values()) or 1.0 for weights in part_idf]
    part_vocabulary = set().union(*part_idf)
    question_grams = ngrams(sequence)
    question_bigrams = question_grams[0]
    question_set = set(question_tokens)
    at = np.asarray(rows, dtype=np.int64)
    ranked = sorted(context.fused, key=lambda row: -context.fused[row])
    fused_rank = {row: rank for rank, row in enumerate(ranked, 1)}
    fused_top = max(context.fused.values(), default=0.0) or 1.0
    parts = np.zeros((len(context.part_scores), len(at)))
    part_rank = np.zeros_like(parts)
    for i, scores in enumerate(context.part_scores):
        parts[i] = scores[at] / (float(scores.max()) or 1.0)
        ranks = {int(row): rank for rank, row in enumerate(top_rows(scores, 100), 1)}
        part_rank[i] = [1.0 / ranks.get(row, 200) for row in rows]
    outlets = [scores[at] / (float(scores.max()) or 1.0) for scores in context.outlet_scores]
    column: dict[str, object] = {
        "fused": [context.fused.get(row, 0.0) / fused_top for row in rows],
        "fused_rank": [1.0 / fused_rank.get(row, 200) for row in rows],
        "bm25": context.base[at] / (float(context.base.max()) or 1.0),
        "outlet_query": np.max(outlets, axis=0) if outlets else 0.0,
        "named_outlet": np.isin(lexical.sources[at], list(context.plan.sources)),
        "part_best": parts.max(axis=0) if len(parts) else 0.0,
        "part_mean": parts.mean(axis=0) if len(parts) else 0.0,
        "part_rank": part_rank.max(axis=0) if len(parts) else 0.0,
        "position": [min(chunk.start, 20_000) / 20_000 for chunk in chunks],  # news puts the key facts first
    }
    per_chunk = []
    for sequence_in_chunk, chunk_sentences, title in _chunk_tokens(chunks):
        words = set(sequence_in_chunk)
        best_sentence = 0.0
        for sentence in chunk_sentences:
            shared = sentence & part_vocabulary
            if not shared:
                continue
            for weights, total in zip(part_idf, part_totals):
                best_sentence = max(best_sentence, sum(weights[t] for t in shared if t in weights) / total)
        per_chunk.append((
            sum(w for t, w in idf.items() if t in words) / idf_total,
            len(question_bigrams & set(zip(sequence_in_chunk, sequence_in_chunk[1:]))) / (len(question_bigrams) or 1),
            len(title & question_set) / (len(question_tokens) or 1),
            best_sentence,
            _longest_shared_phrase(question_grams, sequence_in_chunk) / PHRASE_LONGEST,
        ))
    names = ("coverage", "bigrams", "title", "sentence_part", "phrase")
    column.update(zip(names, np.array(per_chunk).reshape(-1, len(names)).T))
    matrix = np.zeros((len(rows), len(LEXICAL_FEATURES)), dtype=np.float64)
    for i, name in enumerate(LEXICAL_FEATURES):
        matrix[:, i] = column[name]
    return matrix


_TOKENS: dict[str, tuple[list[str], list[frozenset[str]], frozenset[str]]] = {}
_TOKENS_MAX = 50_000


def _chunk_tokens(chunks: list[Chunk]) -> list[tuple[list[str], list[frozenset[str]], frozenset[str]]]:
    """Return each chunk's token sequence, the token set of each of its sentences, and its title's tokens.

    Cached by chunk id (ids are content addressed); chunks not seen before are tokenized in one batch.
    """
    found = {c.id: _TOKENS.get(c.id) for c in chunks}  # read once: another thread may clear the cache meanwhile
    missing = list({c.id: c for c in chunks if found[c.id] is None}.values())
    if missing:
        if len(_TOKENS) + len(missing) > _TOKENS_MAX:
            _TOKENS.clear()
        pieces = [_SENTENCE.split(c.text) + [c.title] for c in missing]
        tokens = iter(tokenize([piece for group in pieces for piece in group]))
        for chunk, group in zip(missing, pieces):
            sentences = [next(tokens) for _ in group]
            found[chunk.id] = _TOKENS[chunk.id] = (
                [t for s in sentences[:-1] for t in s], [frozenset(s) for s in sentences[:-1]], frozenset(sentences[-1]))
    return [found[c.id] for c in chunks]


def dense_features(question: np.ndarray, parts: np.ndarray, chunks: np.ndarray) -> np.ndarray:
    """Return the DENSE_FEATURES columns: cosine of each chunk to the question and to its best-matching part, each
    also as the gap to the best candidate (vectors: question (d,), parts (p, d), chunks (n, d))."""
    unit = chunks / np.maximum(np.linalg.norm(chunks, axis=1, keepdims=True), 1e-12)
    to_question = unit @ (question / max(float(np.linalg.norm(question)), 1e-12))
    if len(parts):
        sims = unit @ (parts / np.maximum(np.linalg.norm(parts, axis=1, keepdims=True), 1e-12)).T
        to_part, part_gap = sims.max(axis=1), (sims - sims.max(axis=0)).max(axis=1)
    else:
        to_part, part_gap = to_question, to_question - to_question.max()
    return np.stack([to_question, to_question - to_question.max(), to_part, part_gap], axis=1)


def ngrams(tokens: list[str], longest: int = PHRASE_LONGEST) -> list[set[tuple[str, ...]]]:
    """Return the token n-grams of a sequence for n = 2..longest (one set per n)."""
    return [set(zip(*[tokens[i:] for i in range(n)])) for n in range(2, longest + 1)]


def _longest_shared_phrase(question_grams: list[set[tuple[str, ...]]], chunk: list[str]) -> int:
    """Return the length (0, or 2..longest) of the longest run of tokens the question (given as its `ngrams`) and
    the chunk share."""
    best = 0
    for n, grams in enumerate(question_grams, 2):
        if not grams & set(zip(*[chunk[i:] for i in range(n)])):
            break
        best = n
    return best


class TreeModel:
    """A gradient-boosted tree ensemble read from JSON (exported from scikit-learn); scores with numpy only."""

    def __init__(self, spec: dict):
        if tuple(spec["features"]) not in (FEATURES, LEXICAL_FEATURES):
            raise ValueError(f"reranker model expects features {spec['features']}, code computes {FEATURES}")
        self.features = tuple(spec["features"])
        self.baseline = float(spec["baseline"])
        # All trees in flat arrays; a leaf points to itself, so walking a fixed number of steps is harmless
        sizes = [len(tree["leaf"]) for tree in spec["trees"]]
        self.roots = np.cumsum([0] + sizes[:-1]).astype(np.int64)
        flat = {key: np.concatenate([np.asarray(tree[key]) for tree in spec["trees"]]) if sizes else np.zeros(0)
                for key in ("feature", "threshold", "left", "right", "leaf", "value")}
        leaf = flat["leaf"].astype(bool)
        own = np.arange(len(leaf))
        offset = np.repeat(self.roots, sizes)
        self.feature = np.where(leaf, 0, flat["feature"]).astype(np.int64)
        self.threshold = np.where(leaf, np.inf, flat["threshold"]).astype(np.float64)
        self.left = np.where(leaf, own, flat["left"] + offset).astype(np.int64)
        self.right = np.where(leaf, own, flat["right"] + offset).astype(np.int64)
        self.value = np.where(leaf, flat["value"], 0.0).astype(np.float64)

    def score(self, matrix: np.ndarray) -> np.ndarray:
        """Return the raw score (log-odds of holding evidence) of each row: all trees walked together."""
        node = np.broadcast_to(self.roots, (len(matrix), len(self.roots))).copy()  # rows x trees
        rows = np.arange(len(matrix))[:, None]
        while len(node):
            step = np.where(matrix[rows, self.feature[node]] <= self.threshold[node], self.left[node], self.right[node])
            if np.array_equal(step, node):
                break
            node = step
        return self.baseline + self.value[node].sum(axis=1)

    def probability(self, matrix: np.ndarray) -> np.ndarray:
        """Return each row's estimated probability of holding evidence for the question."""
        return 1.0 / (1.0 + np.exp(-self.score(matrix)))


def model_path(dense: bool) -> Path:
    """Return where the shipped model for the full (dense) or the lexical feature set lives."""
    return MODELS / ("reranker.json" if dense else "reranker-lexical.json")


@lru_cache(maxsize=4)
def load_model(dense: bool = True) -> TreeModel:
    """Return the shipped reranker for the full feature set, or the lexical-only one (cached)."""
    return TreeModel(json.loads(model_path(dense).read_text()))
