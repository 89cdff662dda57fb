"""Chroma vector store, embedded (PersistentClient) or a server (HttpClient); we always pass embeddings."""

from __future__ import annotations

import logging
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from ..config import Settings
from ..errors import IndexMismatchError, RagError, VectorStoreUnavailableError
from ..text import published_int
from ..types import Chunk

log = logging.getLogger(__name__)


def _set_timeout(client, seconds: float) -> None:
    """Give chromadb's HTTP session (created with timeout=None) a timeout, so a stalled server cannot hang a question.

    chromadb 1.x keeps its httpx.Client at client._server._session and accepts no timeout setting of its own."""
    import httpx

    session = getattr(getattr(client, "_server", None), "_session", None)
    if not isinstance(session, httpx.Client):
        raise RagError("This chromadb version keeps its HTTP session elsewhere, so newsrag cannot bound its waits. "
                       "Install the chromadb version pinned in pyproject.toml.")
    session.timeout = httpx.Timeout(float(seconds))


def storage_error(path: Path, exc: Exception) -> RagError | None:
    """Return a one-line RagError with the fix for a storage failure of the index at path (a damaged, read-only or
    full disk's database, by SQLite's message, from Chroma or our own stores), or None for any other failure."""
    text = str(exc)
    if getattr(exc, "errno", None) == 28 or "disk is full" in text or "code: 13" in text:
        return RagError(f"No space left on the disk holding {path} ({text}). Free space and run the command again: "
                        "what was stored is kept, and an ingest resumes where it stopped.")
    if "Failed to apply logs to the metadata segment" in text or "Error in compaction" in text:
        return RagError(f"The vector store in {path} could not apply its pending writes ({text[:120]}): the disk "
                        "filled up while it wrote, or is full now. Free space on that disk and run the command again; "
                        "run `rag check --repair --yes` if it still fails.")
    if "readonly database" in text or "read-only file system" in text.lower() or getattr(exc, "errno", None) == 30:
        return RagError(f"{path} cannot be written ({text}); Chroma writes its own files even to answer. Copy the "
                        "index to a writable directory and set RAG_INDEX_DIR (or --index-dir) to it.")
    if "malformed" in text or "not a database" in text:
        return RagError(f"The vector store {path} is damaged ({text}). Move it aside (`mv {path} {path}.damaged`) and "
                        "run `rag ingest PATH`: the articles are kept in docs.sqlite and their passages embedded again.")
    return None


class VectorStore:
    """One Chroma collection of chunk vectors; records and checks the model and chunking it was built with."""

    def __init__(self, settings: Settings, model: str, dim: int):
        self.settings = settings
        self.expected = {"embed_model": model, "dim": dim, "chunking": settings.chunking_signature}
        self.client = self._connect()
        with self._server_errors():
            self.collection = self.client.get_or_create_collection(
                settings.collection, metadata=self.expected, configuration={"hnsw": {"space": "cosine"}},
                embedding_function=None,
            )
        self._check(self.collection.metadata or {})

    def _connect(self):
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        if self.settings.store == "server":
            with self._server_errors():
                self._heartbeat()  # chromadb's client has no timeout: find a stalled server before it does
                try:
                    client = chromadb.HttpClient(host=self.settings.chroma_host, port=self.settings.chroma_port,
                                                 settings=ChromaSettings(anonymized_telemetry=False))
                except ValueError as exc:  # chromadb reports an unreachable server as ValueError
                    raise self._unreachable(exc) from exc
            _set_timeout(client, self.settings.chroma_timeout)
            return client
        path = self.settings.index_dir / "chroma"
        path.mkdir(parents=True, exist_ok=True)
        try:
            return chromadb.PersistentClient(path=str(path), settings=ChromaSettings(anonymized_telemetry=False))
        except Exception as exc:  # chromadb reports its SQLite's failures as InternalError with SQLite's message
            raise storage_error(path, exc) or exc

    def _heartbeat(self) -> None:
        import httpx

        url = f"http://{self.settings.chroma_host}:{self.settings.chroma_port}/api/v2/heartbeat"
        httpx.get(url, timeout=self.settings.chroma_timeout).raise_for_status()

    def _unreachable(self, exc: Exception) -> RagError:
        reason = "connection refused" if "refused" in str(exc).lower() or "connect" in str(exc).lower() else exc
        return VectorStoreUnavailableError(
            f"Cannot reach the Chroma server at {self.settings.chroma_host}:{self.settings.chroma_port} ({reason}). "
            f"Start it with `chroma run --path DIR --host 127.0.0.1 --port {self.settings.chroma_port}`, check "
            "RAG_CHROMA_HOST/RAG_CHROMA_PORT, or set RAG_STORE=embedded.")

    @contextmanager
    def _server_errors(self):
        """Turn a stalled or vanished Chroma server into one clear VectorStoreUnavailableError."""
        if self.settings.store != "server":
            yield
            return
        import httpx

        try:
            yield
        except httpx.TimeoutException as exc:
            raise VectorStoreUnavailableError(
                f"The Chroma server at {self.settings.chroma_host}:{self.settings.chroma_port} did not answer within "
                f"{self.settings.chroma_timeout} s ({type(exc).__name__}). Check that it is running and not "
                "overloaded, or raise RAG_CHROMA_TIMEOUT.") from exc
        except (httpx.TransportError, httpx.HTTPStatusError) as exc:
            raise self._unreachable(exc) from exc

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
        found = self.metadata()
        owner = found.get("index_id")
        if owner == index_id:
            return
        if owner is not None:
            raise IndexMismatchError(
                f"The Chroma collection '{self.settings.collection}' at {self.where} belongs to another index "
                f"(index_id {owner}), not to {self.settings.index_dir} (index_id {index_id}). Point RAG_INDEX_DIR at "
                f"the index that built it, or use another collection (RAG_COLLECTION) for this one.")
        with self._server_errors():
            self.collection.modify(metadata=found | {"index_id": index_id})

    def require_owner(self, index_id: str | None) -> None:
        """Raise IndexMismatchError unless the collection records index_id as its owner (before deleting vectors)."""
        owner = self.metadata(fresh=True).get("index_id")
        if index_id is None or owner != index_id:
            raise IndexMismatchError(
                f"Refusing to delete vectors: the Chroma collection '{self.settings.collection}' at {self.where} is "
                f"owned by index {owner or '(none recorded)'}, not by {self.settings.index_dir} (index "
                f"{index_id or '(none: this docstore is new or empty)'}). Check RAG_INDEX_DIR and RAG_COLLECTION.")

    @property
    def where(self) -> str:
        """Where the vectors live, for messages: the server address or the embedded directory."""
        if self.settings.store == "server":
            return f"chroma server {self.settings.chroma_host}:{self.settings.chroma_port}"
        return str(self.settings.index_dir / "chroma")

    def metadata(self, fresh: bool = False) -> dict:
        """Return the collection metadata (model, dim, chunking, owner index id); fresh=True reads it from Chroma
        again instead of the copy taken when the collection was opened (another process may have claimed it)."""
        with self._server_errors():
            if fresh:
                return dict(self.client.get_collection(self.settings.collection).metadata or {})
            return dict(self.collection.metadata or {})

    def ids(self, page: int = 10000) -> set[str]:
        """Return the ids of every stored vector (read in pages, so a large server collection is not one reply)."""
        ids: set[str] = set()
        while True:
            with self._server_errors():
                batch = self.collection.get(include=[], limit=page, offset=len(ids))["ids"]
            ids.update(batch)
            if len(batch) < page:
                return ids

    def count(self) -> int:
        """Return the number of stored vectors."""
        with self._server_errors():
            return self.collection.count()

    def upsert(self, chunks: list[Chunk], vectors: np.ndarray) -> None:
        """Store chunk vectors with their text and metadata."""
        with self._server_errors():
            self._upsert(chunks, vectors)

    def _upsert(self, chunks: list[Chunk], vectors: np.ndarray) -> None:
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
            with self._server_errors():
                self.collection.delete(ids=ids[i:i + 5000])

    def embeddings(self, ids: list[str]) -> dict[str, np.ndarray]:
        """Return the stored vector of each of the chunk ids that has one."""
        def read():
            with self._server_errors():
                return self.collection.get(ids=list(ids), include=["embeddings"])

        result = self._fresh(read)
        return {i: np.asarray(v, dtype=np.float32) for i, v in zip(result["ids"], result["embeddings"])}

    def query(self, vector: np.ndarray, n: int, where: dict | None = None) -> list[tuple[str, float]]:
        """Return (chunk id, cosine similarity) of the n nearest chunks that pass the filter."""
        def nearest():
            wanted = min(n, self.count())
            if wanted == 0:
                return {"ids": [[]], "distances": [[]]}
            with self._server_errors():
                return self.collection.query(query_embeddings=vector.reshape(1, -1), n_results=wanted, where=where,
                                             include=["distances"])

        result = self._fresh(nearest)
        return [(i, 1.0 - d) for i, d in zip(result["ids"][0], result["distances"][0])]

    def _fresh(self, action):
        """Run a read; when another process wrote to this embedded store meanwhile (`rag ingest` beside a running
        app), Chroma's copy in this process is stale ("Error finding id"): open the store again and read once more."""
        from chromadb.errors import InternalError

        try:
            return action()
        except InternalError as exc:
            if self.settings.store == "server":
                raise
            log.warning("the vector store was changed by another process (%s); opening it again", exc)
            from chromadb.api.client import SharedSystemClient

            path = str(self.settings.index_dir / "chroma")
            SharedSystemClient._identifier_to_system.pop(path, None)  # this store's cached copy only
            SharedSystemClient._identifier_to_refcount.pop(path, None)
            self.client = self._connect()
            self.collection = self.client.get_collection(self.settings.collection)
            return action()
