"""Hybrid retrieval: BM25 and dense rankings fused by weighted reciprocal rank fusion, with metadata filters."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date

from .docstore import DocStore
from .embed import Embedder
from .lexical import LexicalIndex
from .store import VectorStore, published_int
from .types import Chunk, Hit

log = logging.getLogger(__name__)


def fuse_rankings(rankings: Sequence[tuple[Sequence[str], float]], k: int = 60) -> list[tuple[str, float]]:
    """Return ids ordered by weighted RRF: sum over rankings of weight / (k + rank), rank starting at 1."""
    scores: dict[str, float] = {}
    for ids, weight in rankings:
        for rank, item in enumerate(ids, 1):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
    return sorted(scores.items(), key=lambda pair: (-pair[1], pair[0]))


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


class HybridRetriever:
    """Ranks chunks for a query from BM25 (every stored chunk) and Chroma (every embedded chunk)."""

    def __init__(self, docs: DocStore, lexical: LexicalIndex, vectors: VectorStore | None, embedder: Embedder,
                 *, rrf_k: int = 60, bm25_weight: float = 1.0, dense_weight: float = 0.5, candidates: int = 50):
        self.docs = docs
        self.lexical = lexical
        self.vectors = vectors
        self.embedder = embedder
        self.rrf_k = rrf_k
        self.bm25_weight = bm25_weight
        self.dense_weight = dense_weight
        self.candidates = candidates

    def retrieve(self, query: str, k: int = 10, sources: list[str] | None = None, since: date | None = None,
                 until: date | None = None) -> list[Hit]:
        """Return the k best chunks for the query that pass the filters, best first."""
        n = max(self.candidates, k)
        mask = self.lexical.mask(sources, published_int(since), published_int(until))
        rankings = [([i for i, _ in self.lexical.search(query, n, mask)], self.bm25_weight)]
        if self.vectors is not None and self.dense_weight > 0:
            vector = self.embedder.encode([query])[0]
            dense = self.vectors.query(vector, n, chroma_filter(sources, since, until))
            rankings.append(([i for i, _ in dense], self.dense_weight))
        fused = fuse_rankings(rankings, self.rrf_k)[:k]
        chunks = {c.id: c for c in self.docs.chunks([i for i, _ in fused])}
        return [to_hit(chunks[i], score) for i, score in fused if i in chunks]


def to_hit(chunk: Chunk, score: float) -> Hit:
    """Return the Hit for a chunk and its score."""
    return Hit(text=chunk.text, score=score, article_id=chunk.article_id, title=chunk.title, source=chunk.source,
               published=chunk.published, url=chunk.url, start=chunk.start, end=chunk.end, chunk_id=chunk.id)


def as_llama_retriever(pipeline, k: int = 10, **filters):
    """Return a llama-index BaseRetriever over a Pipeline, for use in llama-index query engines."""
    from llama_index.core.base.base_retriever import BaseRetriever
    from llama_index.core.schema import NodeWithScore, QueryBundle, TextNode

    class NewsRetriever(BaseRetriever):
        """newsrag hybrid retrieval as a llama-index retriever."""

        def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
            hits = pipeline.retrieve(query_bundle.query_str, k=k, **filters)
            return [NodeWithScore(node=TextNode(
                id_=hit.chunk_id, text=hit.text, start_char_idx=hit.start, end_char_idx=hit.end,
                metadata={"article_id": hit.article_id, "title": hit.title, "source": hit.source,
                          "published": hit.published.isoformat() if hit.published else "", "url": hit.url},
            ), score=hit.score) for hit in hits]

    return NewsRetriever()
