"""Reranker features of (question, candidate chunk) pairs; the tree model that scores them is in trees.py.

Learned reranking of the candidate pool without a cross-encoder.

No PyPI package bundles reranker or NLI weights, so we score each (question, candidate chunk) pair with lexical
features (fused rank, BM25 of each clause of the question, phrase overlap, best-matching sentence, outlet match,
place in the article) plus MiniLM similarity of the chunk to the question and to each of its clauses, with a small
gradient-boosted tree model trained on MultiHop-RAG dev questions and generated keyword queries, with
features of the query itself (length, rarest term, question form) (`python -m rag.bench.train_rerank`, saved as
plain JSON in rag/retrieval/rerank/models/). When a candidate has no vector yet (first indexing still running) the lexical-only model
ranks instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from ...index.lexical import LexicalIndex, top_rows
from ...text import tokenize_text
from ...types import Chunk
from ..question import QueryPlan

# The query_* columns describe the query, not the candidate: the same for every candidate of one query, they let the
# trees weigh the other features differently for a two-word search and a long multi-part question.
QUERY_FEATURES = ("query_length", "query_rarest", "query_question")
LEXICAL_FEATURES = ("fused", "fused_rank", "bm25", "outlet_query", "named_outlet", "part_best", "part_mean",
                    "part_rank", "coverage", "bigrams", "title", "sentence_part", "phrase", "position") + QUERY_FEATURES
DENSE_FEATURES = ("dense", "dense_gap", "dense_part", "dense_part_gap", "dense_rank")
FEATURES = LEXICAL_FEATURES + DENSE_FEATURES
QUESTION_OPENERS = frozenset({"who", "what", "what's", "whats", "when", "where", "which", "why", "how", "did", "does",
                              "do", "is", "are", "was", "were", "has", "have", "had", "can", "could", "will", "would",
                              "should", "so", "and", "tell", "according"})
PHRASE_LONGEST = 5  # the phrase feature counts shared runs of 2..5 tokens
_CLAUSE = re.compile(r",\s*(?:while|whereas|but|and|or)\b|\bwhile\b|\bwhereas\b|;|,\s+(?=(?:does|did|is|was|has|have)\b)"
                     r"|\?", re.IGNORECASE)


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
    dense_rank: dict[int, int] = field(default_factory=dict)  # row -> rank among the nearest chunks by MiniLM


def candidate_rows(context: PoolContext, fused_depth: int = 100, part_depth: int = 10) -> list[int]:
    """Return the rows to rerank: the fused top `fused_depth`, each question part's top `part_depth` and the
    dense nearest chunks (when the retriever looked them up)."""
    order = sorted(context.fused, key=lambda row: -context.fused[row])[:fused_depth]
    rows = dict.fromkeys(order)
    for scores in context.part_scores:
        rows.update(dict.fromkeys(int(i) for i in top_rows(scores, part_depth)))
    rows.update(dict.fromkeys(context.dense_rank))
    return list(rows)


def query_features(question: str, tokens: list[str], idf: dict[str, float], chunks_indexed: int) -> list[float]:
    """Return the QUERY_FEATURES of a question: its length in indexed tokens, how rare its rarest term is (idf
    over the largest possible idf) and whether it is phrased as a question."""
    rarest = max(idf.values(), default=0.0) / max(float(np.log(1 + (chunks_indexed - 0.5) / 1.5)), 1e-9)
    words = question.strip().lower().split()
    asks = question.rstrip().endswith("?") or bool(words and words[0].strip(",") in QUESTION_OPENERS)
    return [min(len(tokens), 30) / 30, min(rarest, 1.0), float(asks)]


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
    column.update(zip(QUERY_FEATURES, query_features(context.question, question_tokens, idf, len(lexical.ids))))
    per_chunk = []
    for sequence_in_chunk, chunk_sentences, title in lexical.chunk_tokens(chunks):
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


def dense_features(question: np.ndarray, parts: np.ndarray, chunks: np.ndarray,
                   dense_rank: list[int] | None = None) -> np.ndarray:
    """Return the DENSE_FEATURES columns: cosine of each chunk to the question and to its best-matching part, each
    also as the gap to the best candidate, and 1 / rank among the dense nearest chunks (0 when not among them)
    (vectors: question (d,), parts (p, d), chunks (n, d); dense_rank: per chunk, 0 when not looked up)."""
    unit = chunks / np.maximum(np.linalg.norm(chunks, axis=1, keepdims=True), 1e-12)
    to_question = unit @ (question / max(float(np.linalg.norm(question)), 1e-12))
    if len(parts):
        sims = unit @ (parts / np.maximum(np.linalg.norm(parts, axis=1, keepdims=True), 1e-12)).T
        to_part, part_gap = sims.max(axis=1), (sims - sims.max(axis=0)).max(axis=1)
    else:
        to_part, part_gap = to_question, to_question - to_question.max()
    ranks = np.asarray(dense_rank if dense_rank is not None else [0] * len(unit), dtype=np.float64)
    inverse = np.divide(1.0, ranks, out=np.zeros_like(ranks), where=ranks > 0)
    return np.stack([to_question, to_question - to_question.max(), to_part, part_gap, inverse], axis=1)


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
