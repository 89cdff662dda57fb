"""The vectors of the corpus's sentences, kept beside the index so that answering a question encodes only the question.

The answer layer compares the question with ~25 candidate sentences of the retrieved passages; encoding them at
question time was three quarters of an answer's time on 2 cores. Ingest now encodes every candidate sentence once, in
a stage after the passages' own vectors, and stores it here under a hash of its text. The store is a cache: a vector
is a function of its text and the encoder, so a missing or stale entry only costs an encode; an entry whose passage
was deleted is never looked up again (and cannot be, without its text). Changing the encoder empties the store.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

import numpy as np

from .embed import encode_sentences

log = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vector BLOB);
CREATE TABLE IF NOT EXISTS covered (chunk_id TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
"""


def text_key(text: str) -> bytes:
    """Return the 16-byte key a sentence's vector is stored under."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


class SentenceVectorStore:
    """Sentence vectors in one SQLite file, for one encoder (its id is recorded; another id empties the store).

    A store that cannot be opened (read-only directory without the file, damaged file) is logged and left out:
    answers then encode their sentences as before."""

    def __init__(self, path: Path, encoder_id: str, dim: int):
        self.path, self.encoder_id, self.dim = path, encoder_id, dim
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        self.read_only = False  # a read-only copy of an index: vectors are read, never written
        try:
            self._db = self._open()
        except sqlite3.DatabaseError as exc:
            damaged = "not a database" in str(exc) or "malformed" in str(exc)  # not "locked": another process
            if not (damaged and path.exists() and _writable(path)):
                log.warning("sentence vectors at %s are not used (%s); answers encode their sentences instead. If "
                            "the file is damaged, delete it and the next ingest rebuilds it.", path, exc)
                return
            aside = path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
            for suffix in ("-wal", "-shm"):
                path.with_name(path.name + suffix).unlink(missing_ok=True)
            path.rename(aside)  # a cache: start again, the next ingest re-encodes what is missing
            log.warning("sentence vectors at %s were damaged (%s): moved aside to %s, a fresh store is filled by "
                        "the next ingest", path, exc, aside.name)
            self._db = self._open()
        except OSError as exc:
            log.warning("sentence vectors at %s are not used (%s); answers encode their sentences instead", path, exc)

    def _open(self) -> sqlite3.Connection | None:
        writable = self.path.parent.exists() and _writable(self.path)
        if not writable:
            if not self.path.exists():
                return None
            db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            if self._recorded_encoder(db) != self.encoder_id:
                db.close()
                return None
            self.read_only = True
            return db
        db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=30)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")  # a cache: a lost commit is re-encoded by the next ingest
        db.executescript(_SCHEMA)
        if self._recorded_encoder(db) != self.encoder_id:
            with db:
                db.execute("BEGIN")
                db.execute("DELETE FROM vectors")
                db.execute("DELETE FROM covered")
                db.execute("INSERT OR REPLACE INTO meta VALUES ('encoder', ?)", (self.encoder_id,))
        return db

    @staticmethod
    def _recorded_encoder(db: sqlite3.Connection) -> str | None:
        try:
            row = db.execute("SELECT value FROM meta WHERE key = 'encoder'").fetchone()
        except sqlite3.OperationalError:
            return None
        return row[0] if row else None

    @property
    def usable(self) -> bool:
        """True when the store is open."""
        return self._db is not None

    def lookup(self, texts: list[str]) -> list[np.ndarray | None]:
        """Return the stored vector of each text, None where there is none."""
        if self._db is None or not texts:
            return [None] * len(texts)
        keys = [text_key(t) for t in texts]
        found: dict[bytes, np.ndarray] = {}
        with self._lock:
            for i in range(0, len(keys), 500):
                batch = keys[i:i + 500]
                rows = self._db.execute(f"SELECT key, vector FROM vectors WHERE key IN ({','.join('?' * len(batch))})",
                                        batch).fetchall()
                found.update((key, np.frombuffer(blob, dtype=np.float32)) for key, blob in rows)
        return [v if (v := found.get(k)) is not None and v.shape[0] == self.dim else None for k in keys]

    def add(self, chunk_ids: list[str], texts: list[str], vectors: np.ndarray) -> None:
        """Store the vectors of texts and mark chunk_ids as covered, in one transaction."""
        if self._db is None or self.read_only:
            return
        rows = [(text_key(t), np.asarray(v, dtype=np.float32).tobytes()) for t, v in zip(texts, vectors)]
        with self._lock, self._db:
            self._db.execute("BEGIN")
            self._db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?)", rows)
            self._db.executemany("INSERT OR IGNORE INTO covered VALUES (?)", [(c,) for c in chunk_ids])

    def forget_chunks(self, chunk_ids: Iterable[str]) -> None:
        """Drop the coverage marks of chunks that no longer exist (their vectors stay, keyed by text only)."""
        if self._db is None or self.read_only:
            return
        with self._lock, self._db:
            self._db.execute("BEGIN")
            self._db.executemany("DELETE FROM covered WHERE chunk_id = ?", [(c,) for c in chunk_ids])

    def covered(self) -> set[str]:
        """Return the chunk ids whose sentences are stored."""
        if self._db is None:
            return set()
        with self._lock:
            return {row[0] for row in self._db.execute("SELECT chunk_id FROM covered")}

    def close(self) -> None:
        """Close the database."""
        if self._db is not None:
            self._db.close()
            self._db = None


def _writable(path: Path) -> bool:
    return os.access(path.parent, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


class SentenceEncoder:
    """An embedder whose sentence comparisons read the stored vectors first and encode only what is missing; the
    misses (questions, question parts, texts outside the corpus) are kept in a small in-memory LRU, never on disk."""

    def __init__(self, embedder, store: SentenceVectorStore | None, memory: int = 2048):
        self.embedder, self.store = embedder, store
        self.name, self.dim = embedder.name, embedder.dim
        self._memory: OrderedDict[str, np.ndarray] = OrderedDict()
        self._capacity = memory
        self._lock = threading.Lock()

    def encode(self, texts: list[str]) -> np.ndarray:
        """Return the embedder's own vectors (retrieval and the index use these)."""
        return self.embedder.encode(texts)

    def encode_sentences(self, texts: list[str]) -> np.ndarray:
        """Return one vector per text, as the embedder's encode_sentences would: from the store or memory when
        there, else encoded now."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        stored = self.store.lookup(texts) if self.store is not None else [None] * len(texts)
        with self._lock:
            for i, text in enumerate(texts):
                if stored[i] is None and (vector := self._memory.get(text)) is not None:
                    self._memory.move_to_end(text)
                    stored[i] = vector
        missing = sorted({t for t, v in zip(texts, stored) if v is None})
        if missing:
            fresh = dict(zip(missing, encode_sentences(self.embedder, missing)))
            with self._lock:
                for text, vector in fresh.items():
                    self._memory[text] = vector
                while len(self._memory) > self._capacity:
                    self._memory.popitem(last=False)
            stored = [v if v is not None else fresh[t] for t, v in zip(texts, stored)]
        return np.stack(stored).astype(np.float32, copy=False)


def sync_sentence_vectors(store: SentenceVectorStore, docs, embedder, sentences_of: Callable[[str], list[str]],
                          progress: Callable[[str, int, int], None] | None = None, batch: int = 64,
                          hold: Callable[[], AbstractContextManager] | None = None) -> int:
    """Encode and store the sentences (sentences_of(passage text)) of every stored passage not covered yet; return
    how many passages were covered. hold, when given, is entered around each read of the docstore, not around
    encoding; a passage deleted meanwhile only leaves vectors nobody looks up."""
    if not store.usable or store.read_only:
        return 0
    hold = hold or nullcontext
    with hold():
        wanted = docs.chunk_ids()
    covered = store.covered()
    if gone := covered - wanted:
        store.forget_chunks(gone)
    pending = sorted(wanted - covered)
    for i in range(0, len(pending), batch):
        if progress:
            progress("sentences", i, len(pending))
        with hold():
            chunks = docs.chunks(pending[i:i + batch])
        texts = sorted({s for chunk in chunks for s in sentences_of(chunk.text)})
        todo = [t for t, v in zip(texts, store.lookup(texts)) if v is None]  # passages overlap: a sentence once
        store.add([c.id for c in chunks], todo, encode_sentences(embedder, todo) if todo else [])
    if progress and pending:
        progress("sentences", len(pending), len(pending))
    return len(pending)
