"""Chroma vector store, embedded (PersistentClient) or a server (HttpClient); we always pass embeddings."""

from __future__ import annotations

import logging
import numpy as np

from ..config import Settings
from ..errors import IndexMismatchError, RagError
from ..text import published_int
from ..types import Chunk

log = logging.getLogger(__name__)


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
            accepted = key == "embed_model" and found.get(key) in self.settings.accept_embed_models
            if found.get(key) != want and not accepted:
                raise IndexMismatchError(
                    f"The index at {self.settings.index_dir} was built with {key}={found.get(key)!r}, but the "
                    f"settings ask for {want!r}. Re-ingest into a fresh index (delete {self.settings.index_dir} "
                    f"or set RAG_INDEX_DIR to a new directory), or restore the original settings.")

    def claim(self, index_id: str) -> None:
        """Record which index (docstore) owns this collection; refuse a collection another index owns.

        Ingest deletes vectors its docstore does not know, so two index directories sharing one collection on a
        Chroma server would delete each other's vectors. The owner's id in the collection metadata prevents that.
        """
        found = dict(self.collection.metadata or {})
        owner = found.get("index_id")
        if owner == index_id:
            return
        if owner is not None:
            raise IndexMismatchError(
                f"The Chroma collection '{self.settings.collection}' at {self.where} belongs to another index "
                f"(index_id {owner}), not to {self.settings.index_dir} (index_id {index_id}). Point RAG_INDEX_DIR at "
                f"the index that built it, or use another collection (RAG_COLLECTION) for this one.")
        self.collection.modify(metadata=found | {"index_id": index_id})

    @property
    def where(self) -> str:
        """Where the vectors live, for messages: the server address or the embedded directory."""
        if self.settings.store == "server":
            return f"chroma server {self.settings.chroma_host}:{self.settings.chroma_port}"
        return str(self.settings.index_dir / "chroma")

    def metadata(self) -> dict:
        """Return the collection metadata (model, dim, chunking, owner index id)."""
        return dict(self.collection.metadata or {})

    def ids(self, page: int = 10000) -> set[str]:
        """Return the ids of every stored vector (read in pages, so a large server collection is not one reply)."""
        ids: set[str] = set()
        while True:
            batch = self.collection.get(include=[], limit=page, offset=len(ids))["ids"]
            ids.update(batch)
            if len(batch) < page:
                return ids

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

    def embeddings(self, ids: list[str]) -> dict[str, np.ndarray]:
        """Return the stored vector of each of the chunk ids that has one."""
        result = self.collection.get(ids=list(ids), include=["embeddings"])
        return {i: np.asarray(v, dtype=np.float32) for i, v in zip(result["ids"], result["embeddings"])}

    def query(self, vector: np.ndarray, n: int, where: dict | None = None) -> list[tuple[str, float]]:
        """Return (chunk id, cosine similarity) of the n nearest chunks that pass the filter."""
        n = min(n, self.count())
        if n == 0:
            return []
        result = self.collection.query(query_embeddings=vector.reshape(1, -1), n_results=n, where=where,
                                       include=["distances"])
        return [(i, 1.0 - d) for i, d in zip(result["ids"][0], result["distances"][0])]
