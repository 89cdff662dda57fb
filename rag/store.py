"""Chroma vector store, embedded (PersistentClient) or a server (HttpClient); we always pass embeddings."""

from __future__ import annotations

import logging
from datetime import date

import numpy as np

from .config import Settings
from .errors import IndexMismatchError, RagError
from .types import Chunk

log = logging.getLogger(__name__)


def published_int(value: date | None) -> int:
    """Return a date as YYYYMMDD (0 when unknown), the form Chroma range filters compare."""
    return value.year * 10000 + value.month * 100 + value.day if value else 0


class VectorStore:
    """One Chroma collection of chunk vectors; records and checks the model and chunking it was built with."""

    def __init__(self, settings: Settings, model: str, dim: int):
        self.settings = settings
        self.expected = {"embed_model": model, "dim": dim, "chunking": settings.chunking_signature}
        self.client = self._connect()
        self.collection = self.client.get_or_create_collection(
            settings.collection, metadata=self.expected, configuration={"hnsw": {"space": "cosine"}},
            embedding_function=None,
        )
        self._check(self.collection.metadata or {})

    def _connect(self):
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        chroma_settings = ChromaSettings(anonymized_telemetry=False)
        if self.settings.store == "server":
            try:
                return chromadb.HttpClient(host=self.settings.chroma_host, port=self.settings.chroma_port,
                                           settings=chroma_settings)
            except Exception as exc:  # chromadb raises bare ValueError/ConnectionError types here
                raise RagError(f"Cannot reach the Chroma server at {self.settings.chroma_host}:"
                               f"{self.settings.chroma_port} ({exc}). Start it with `chroma run --path DIR "
                               f"--host 127.0.0.1 --port {self.settings.chroma_port}` or set RAG_STORE=embedded.") from exc
        path = self.settings.index_dir / "chroma"
        path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(path), settings=chroma_settings)

    def _check(self, found: dict) -> None:
        for key, want in self.expected.items():
            if found.get(key) != want:
                raise IndexMismatchError(
                    f"The index at {self.settings.index_dir} was built with {key}={found.get(key)!r}, but the "
                    f"settings ask for {want!r}. Re-ingest into a fresh index (delete {self.settings.index_dir} "
                    f"or set RAG_INDEX_DIR to a new directory), or restore the original settings.")

    def ids(self) -> set[str]:
        """Return the ids of every stored vector."""
        return set(self.collection.get(include=[])["ids"])

    def count(self) -> int:
        """Return the number of stored vectors."""
        return self.collection.count()

    def upsert(self, chunks: list[Chunk], vectors: np.ndarray) -> None:
        """Store chunk vectors with their text and metadata."""
        self.collection.upsert(
            ids=[c.id for c in chunks], embeddings=vectors, documents=[c.text for c in chunks],
            metadatas=[{
                "article_id": c.article_id, "title": c.title, "source": c.source,
                "published": c.published.isoformat() if c.published else "",
                "published_int": published_int(c.published), "url": c.url, "start": c.start, "end": c.end,
                "position": c.position,
            } for c in chunks],
        )

    def delete(self, ids: list[str]) -> None:
        """Delete vectors by chunk id."""
        for i in range(0, len(ids), 5000):
            self.collection.delete(ids=ids[i:i + 5000])

    def query(self, vector: np.ndarray, n: int, where: dict | None = None) -> list[tuple[str, float]]:
        """Return (chunk id, cosine similarity) of the n nearest chunks that pass the filter."""
        n = min(n, self.count())
        if n == 0:
            return []
        result = self.collection.query(query_embeddings=vector.reshape(1, -1), n_results=n, where=where,
                                       include=["distances"])
        return [(i, 1.0 - d) for i, d in zip(result["ids"][0], result["distances"][0])]
