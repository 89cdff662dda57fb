"""Hybrid retrieval: news-aware BM25 (outlets and dates the question names), optional dense, weighted RRF, then the
learned reranker (rag/rerank.py); with reranking off, a query-term coverage reorder instead."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date

import numpy as np

from ..index.docstore import DocStore
from ..index.embed import Embedder
from ..index.lexical import LexicalIndex, top_rows
from ..index.vectors import VectorStore
from ..text import published_int
from ..types import Chunk, Hit
from .fusion import fuse_rankings
from .question import QueryPlan, SubQuery, plan_query
from .timewords import narrow_dates, newest_first, read_time_words
from .rerank import FEATURES, PoolContext, TreeModel, candidate_rows, dense_features, features, load_model, question_parts

log = logging.getLogger(__name__)


def chroma_filter(sources: list[str] | None, since: date | None, until: date | None) -> dict | None:
    """Return the Chroma `where` clause for source and date-range filters (None when unfiltered)."""
    clauses: list[dict] = []
    if sources:
        clauses.append({"source": {"$in": list(sources)}})
    if since:
        clauses.append({"published_int": {"$gte": published_int(since)}})
    if until:
        clauses.append({"published_int": {"$lte": published_int(until)}})
        if not since:  # undated articles are stored as 0 and match no date range
            clauses.append({"published_int": {"$gt": 0}})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def cover_query_terms(order: Sequence[str], fused: dict[str, float], tokens: dict[str, set[str]],
                      weights: dict[str, float], k: int, strength: float = 1.0, decay: float = 0.5) -> list[str]:
    """Return k ids picked greedily by fused score plus the weight of query terms not yet covered.

    Each pick multiplies the weight of the query terms it contains by `decay`, so the next pick is rewarded
    for the other parts of a multi-part question (another outlet, another claim) instead of repeating one.
    """
    remaining = list(order)
    top = max(fused.values(), default=0.0) or 1.0
    weights = dict(weights)
    total = sum(weights.values()) or 1.0
    chosen: list[str] = []
    while remaining and len(chosen) < k:
        def gain(item: str) -> float:
            covered = sum(w for term, w in weights.items() if term in tokens.get(item, ()))
            return fused.get(item, 0.0) / top + strength * covered / total

        best = max(remaining, key=gain)  # max keeps the earlier (better fused) item on ties
        remaining.remove(best)
        chosen.append(best)
        for term in weights:
            if term in tokens.get(best, ()):
                weights[term] *= decay
    return chosen


# How relevant the best passage inside a question's own date window must be, against the best outside it, for the
# window to hold the search
WINDOW_RELEVANCE = 0.5


class HybridRetriever:
    """Ranks chunks: BM25 (boosted toward outlets the question names) + per-outlet/date sub-rankings + dense, fused
    by weighted RRF, then reranked by the learned model (or, with rerank off, reordered to cover the question's
    parts)."""

    def __init__(self, docs: DocStore, lexical: LexicalIndex, vectors: VectorStore | None, embedder: Embedder,
                 *, rrf_k: int = 60, bm25_weight: float = 1.0, dense_weight: float = 0.0, candidates: int = 50,
                 query_understanding: bool = True, source_boost: float = 0.3, subquery_weight: float = 1.0,
                 date_slack_days: int = 1, coverage_weight: float = 1.0, coverage_decay: float = 0.5,
                 coverage_pool: int = 30, rerank: bool = True, rerank_dense: bool = True, dense_candidates: int = 0,
                 models: dict[bool, TreeModel] | None = None):
        self.docs, self.lexical, self.vectors, self.embedder = docs, lexical, vectors, embedder
        self.rrf_k, self.bm25_weight, self.dense_weight, self.candidates = rrf_k, bm25_weight, dense_weight, candidates
        self.query_understanding, self.source_boost = query_understanding, source_boost
        self.subquery_weight, self.date_slack_days = subquery_weight, date_slack_days
        self.coverage_weight, self.coverage_decay, self.coverage_pool = coverage_weight, coverage_decay, coverage_pool
        self.rerank, self.rerank_dense, self.dense_candidates = rerank, rerank_dense, dense_candidates
        self._encoded: tuple[tuple[str, ...], np.ndarray] | None = None  # the last texts encoded and their vectors
        self.models = models if models is not None else {}  # dense? -> reranker, loaded on first use and kept

    @classmethod
    def from_settings(cls, docs: DocStore, lexical: LexicalIndex, vectors: VectorStore | None, embedder: Embedder,
                      settings, models: dict[bool, TreeModel] | None = None) -> HybridRetriever:
        """Return a retriever configured by the retrieval fields of Settings."""
        names = ("rrf_k", "bm25_weight", "dense_weight", "candidates", "query_understanding", "source_boost",
                 "subquery_weight", "date_slack_days", "coverage_weight", "coverage_decay", "coverage_pool", "rerank",
                 "rerank_dense", "dense_candidates")
        return cls(docs, lexical, vectors, embedder, models=models, **{name: getattr(settings, name) for name in names})

    def retrieve(self, query: str, k: int = 10, sources: list[str] | None = None, since: date | None = None,
                 until: date | None = None) -> list[Hit]:
        """Return the k best chunks for the query that pass the filters, best first."""
        # -- time words (issue 16; the parsing lives in timewords.py): "latest", "last week", "in May 2025" -----
        words = read_time_words(query, self.newest_date()) if self.query_understanding else None
        if words is not None:
            wide = (since, until)
            query, (since, until) = words.query, narrow_dates(since, until, words)
            if words.latest:
                return newest_first(self._ranked(query, max(3 * k, 30), sources, since, until), k)
            if words.widens and (since, until) != wide:  # a month or part of a year the question names, not as when
                # something was reported
                hits = self._ranked(query, k, sources, since, until)
                # ... dates a figure as often as its report: "hollowmere easy saver rate september 2023" is answered
                # by the report of 2 August announcing the rise, "assets at the end of 2023" by one of March 2024.
                # When the window holds nothing as relevant as the rest of the corpus does, the rest is searched
                # (the answer then reads the question whole: TimeWords.outside)
                everywhere = self._ranked(query, k, sources, *wide)
                best = max((h.score for h in everywhere), default=0.0)
                return hits if hits and max(h.score for h in hits) >= WINDOW_RELEVANCE * best else everywhere
        # -- end of time words ---------------------------------------------------------------------------------
        return self._ranked(query, k, sources, since, until)

    def newest_date(self) -> date | None:
        """Return the newest publication date in the index: the "now" of relative time words."""
        newest = int(self.lexical.dates.max()) if len(self.lexical.dates) else 0
        return date(newest // 10000, newest // 100 % 100, newest % 100) if newest else None

    def _ranked(self, query: str, k: int, sources: list[str] | None, since: date | None,
                until: date | None) -> list[Hit]:
        """Return the k best chunks for the query that pass the filters, best first."""
        plan, fused, scores, outlet_scores, mask = self._fused(query, k, sources, since, until)
        if self.rerank and plan is not None and fused:
            chunks, matrix = self._rerank_features(query, plan, fused, scores, outlet_scores, mask,
                                                   chroma_filter(sources, since, until))
            model_scores = self._model(dense=matrix.shape[1] == len(FEATURES)).probability(matrix)
            order = cover_outlets(list(np.argsort(-model_scores, kind="stable")), chunks, plan.subqueries, k)
            return [to_hit(chunks[i], float(model_scores[i])) for i in order]
        order = sorted(fused, key=lambda item: (-fused[item], item))
        pool = order[:max(k, self.coverage_pool) if self.coverage_weight > 0 else k]
        chunks = {c.id: c for c in self.docs.chunks(pool)}
        if self.coverage_weight > 0 and len(pool) > 1:
            terms = self.lexical.query_tokens(query)
            tokens = self.lexical.terms_in(terms, pool)
            pool = cover_query_terms(pool, fused, tokens, self.lexical.idf(terms), k, self.coverage_weight,
                                     self.coverage_decay)
        return [to_hit(chunks[i], fused[i]) for i in pool[:k] if i in chunks]

    def _model(self, dense: bool) -> TreeModel:
        if dense not in self.models:
            self.models[dense] = load_model(dense)
        return self.models[dense]

    def candidate_features(self, query: str) -> tuple[list[Chunk], np.ndarray]:
        """Return the reranker's candidate chunks for a question and their feature matrix (for training it)."""
        plan, fused, scores, outlet_scores, mask = self._fused(query, 10, None, None, None)
        plan = plan or plan_query(query, self.lexical.known_sources, self.date_slack_days)
        return self._rerank_features(query, plan, fused, scores, outlet_scores, mask)

    def _fused(self, query: str, k: int, sources: list[str] | None, since: date | None, until: date | None):
        """Return the query plan, the fused RRF scores by chunk id, the BM25 scores, per-outlet scores and mask."""
        n = max(self.candidates, k)
        mask = self.lexical.mask(sources, published_int(since), published_int(until))
        scores = self.lexical.scores(query, mask)
        plan = plan_query(query, self.lexical.known_sources, self.date_slack_days) if self.query_understanding else None
        rankings, outlet_scores = self._lexical_rankings(plan, scores, mask, n)
        if self.vectors is not None and (self.dense_weight > 0 or len(rankings[0][0]) < k):
            # dense always when weighted; otherwise only when BM25 finds too little (a paraphrase, no shared words)
            vector = self._encode([query])[0]
            dense = self.vectors.query(vector, n, chroma_filter(sources, since, until))
            rankings.append(([i for i, _ in dense], self.dense_weight or self.bm25_weight))
        return plan, dict(fuse_rankings(rankings, self.rrf_k)), scores, outlet_scores, mask

    def _encode(self, texts: list[str]) -> np.ndarray:
        """Return the MiniLM vectors of the texts; the last call's are reused (the question is needed twice)."""
        key = tuple(texts)
        known, vectors = self._encoded or ((), None)
        if known[:len(key)] == key and vectors is not None:
            return vectors[:len(key)]
        if known and key[:len(known)] == known and vectors is not None:  # only the new texts are encoded
            vectors = np.vstack([vectors, self.embedder.encode(list(key[len(known):]))])
        else:
            vectors = self.embedder.encode(texts)
        self._encoded = (key, vectors)
        return vectors

    def _dense_rank(self, vector: np.ndarray, where: dict | None) -> dict[int, int]:
        """Return row -> rank of the `dense_candidates` chunks nearest the question vector that pass the filter."""
        row_of = self.lexical.row_of
        nearest = self.vectors.query(vector, self.dense_candidates, where) if self.vectors is not None else []
        ranked = [row_of[i] for i, _ in nearest if i in row_of]
        return {row: rank for rank, row in enumerate(ranked, 1)}

    def _rerank_features(self, query: str, plan: QueryPlan, fused: dict[str, float], scores: np.ndarray,
                         outlet_scores: list[np.ndarray], mask: np.ndarray | None,
                         where: dict | None = None) -> tuple[list[Chunk], np.ndarray]:
        """Return the candidates to rerank (fused top 100 + each question part's top 10 + the dense nearest) and
        their features: all of them, or the lexical ones only when dense reranking is off or a candidate has no
        vector yet."""
        row_of = self.lexical.row_of
        parts = question_parts(query, plan)
        dense_on = self.rerank_dense and self.vectors is not None
        vectors = self._encode([query] + parts) if dense_on else None
        context = PoolContext(
            question=query, plan=plan, fused={row_of[i]: v for i, v in fused.items() if i in row_of}, base=scores,
            outlet_scores=outlet_scores, part_scores=[self.lexical.scores(part, mask) for part in parts],
            part_tokens=[self.lexical.query_tokens(part) for part in parts],
            dense_rank=self._dense_rank(vectors[0], where) if dense_on and self.dense_candidates > 0 else {})
        rows = candidate_rows(context)
        by_id = {c.id: c for c in self.docs.chunks([self.lexical.ids[row] for row in rows])}
        rows = [row for row in rows if self.lexical.ids[row] in by_id]
        chunks = [by_id[self.lexical.ids[row]] for row in rows]
        matrix = features(context, rows, chunks, self.lexical)
        if dense_on and chunks:
            stored = self.vectors.embeddings([c.id for c in chunks])
            if len(stored) == len(chunks):
                dense = dense_features(vectors[0], vectors[1:], np.stack([stored[c.id] for c in chunks]),
                                       [context.dense_rank.get(row, 0) for row in rows])
                matrix = np.hstack([matrix, dense])
        return chunks, matrix

    def _lexical_rankings(self, plan: QueryPlan | None, scores: np.ndarray, mask: np.ndarray | None,
                          n: int) -> tuple[list[tuple[list[str], float]], list[np.ndarray]]:
        """Return the BM25 ranking (outlets the question names boosted) and one ranking per outlet sub-query, with
        the BM25 scores of each sub-query."""
        if plan is None:
            return [(self._top(scores, n), self.bm25_weight)], []
        boosted = scores
        if plan.sources and self.source_boost:
            boosted = scores * np.where(np.isin(self.lexical.sources, plan.sources), 1 + self.source_boost, 1.0)
        rankings, outlet_scores = [(self._top(boosted, n), self.bm25_weight)], []
        for sub in plan.subqueries:
            keep = self.lexical.mask(sub.sources, published_int(sub.since), published_int(sub.until))
            if mask is not None:
                keep = keep * mask
            outlet_scores.append(scores * keep)
            rankings.append((self._top(outlet_scores[-1], n), self.subquery_weight))
        log.debug("query plan: sources %s, dates %s", plan.sources, [(d.day, d.relation) for d in plan.dates])
        return rankings, outlet_scores

    def _top(self, scores: np.ndarray, n: int) -> list[str]:
        """Return the ids of the n best chunks with a positive score, best first."""
        return [self.lexical.ids[i] for i in top_rows(scores, n)]


def cover_outlets(order: list[int], chunks: list[Chunk], parts: list[SubQuery], k: int) -> list[int]:
    """Return the first k of order (indices into chunks, best first), with a chunk for every outlet part of the
    question that the ranking holds one for: a question naming several outlets ("as reported by The Independent, The
    Age and BBC News") is answered from each of them, so one outlet's many passages do not crowd out another's. The
    best chunk of a part left out takes the place of the lowest-ranked chunk no other part needs."""
    top = order[:k]

    def covered(part: SubQuery, chosen: list[int]) -> bool:
        return any(part.admits(chunks[i].source, chunks[i].published) for i in chosen)

    for part in parts:
        if not part.sources or covered(part, top):
            continue
        extra = next((i for i in order[k:] if part.admits(chunks[i].source, chunks[i].published)), None)
        if extra is None:
            continue
        needed = [p for p in parts if p.sources and covered(p, top)]  # the parts top already serves
        for j in reversed(range(len(top))):
            rest = top[:j] + top[j + 1:]
            if all(covered(p, rest) for p in needed):
                top = rest + [extra]
                break
    return top


def to_hit(chunk: Chunk, score: float) -> Hit:
    """Return the Hit for a chunk and its score."""
    return Hit(**chunk.article_ref(), text=chunk.text, score=score, start=chunk.start, end=chunk.end,
               chunk_id=chunk.id)
