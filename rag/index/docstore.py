"""SQLite record of articles, their chunks and the files they came from: the source of truth for BM25."""

from __future__ import annotations

import os
import sqlite3
import threading
import uuid
from collections.abc import Iterable
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from ..errors import DocStoreCorruptError, IndexLockedError, RagError
from ..types import Article, Chunk

# Integrity queries over the SQLite docstore: (problem name, SQL returning the ids concerned, what repair does).
_INTEGRITY_CHECKS = [
    ("chunks whose article is missing",
     "SELECT c.id FROM chunks c LEFT JOIN articles a ON a.id = c.article_id WHERE a.id IS NULL", "deleted"),
    ("articles without chunks",
     "SELECT a.id FROM articles a LEFT JOIN chunks c ON c.article_id = a.id WHERE c.id IS NULL",
     "deleted (the next ingest adds them again)"),
    ("articles that no file holds",
     "SELECT a.id FROM articles a LEFT JOIN files f ON f.article_id = a.id WHERE f.path IS NULL",
     "deleted (the next ingest adds them again if a file still holds them)"),
    ("file links to missing articles",
     "SELECT f.path || '|' || f.article_id FROM files f LEFT JOIN articles a ON a.id = f.article_id "
     "WHERE a.id IS NULL", "deleted"),
]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, title TEXT, source TEXT, published TEXT, url TEXT, author TEXT,
    category TEXT, content_hash TEXT, body TEXT);
CREATE TABLE IF NOT EXISTS chunks (
    id TEXT PRIMARY KEY, article_id TEXT, position INTEGER, start INTEGER, end INTEGER, text TEXT);
CREATE INDEX IF NOT EXISTS chunks_by_article ON chunks(article_id);
CREATE TABLE IF NOT EXISTS files (path TEXT, article_id TEXT, PRIMARY KEY (path, article_id));
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
"""


class DocStore:
    """Articles, chunks and file links in one SQLite file; each change bumps a generation number."""

    def __init__(self, path: Path):
        self.path = path
        self._lock = threading.RLock()
        self.read_only = path.exists() and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))
        try:
            if self.read_only:  # a read-only copy of an index (app hosts): open it read-only, create nothing
                self._db = _open_read_only(path)
                self._rows("SELECT COUNT(*) FROM articles")
                return
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=30)
            self._db.execute("PRAGMA journal_mode=WAL")
            # WAL + NORMAL: a killed process never leaves a half transaction (consistency holds); only a power cut
            # can lose the last commits, which the next ingest redoes. FULL would fsync every article (~10 ms each).
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(_SCHEMA)
        except OSError as exc:
            raise RagError(f"Cannot write to the index directory {path.parent} ({exc.strerror or exc}). Set "
                           "RAG_INDEX_DIR (or --index-dir) to a directory you can write.") from exc
        except sqlite3.DatabaseError as exc:
            raise _database_error(path, exc) from exc

    @contextmanager
    def transaction(self):
        """Run the block atomically: all of it lands, or none of it (a crash mid-way rolls back)."""
        with self._lock:
            self._require_writable()
            try:
                self._db.execute("BEGIN IMMEDIATE")
            except sqlite3.DatabaseError as exc:
                raise _database_error(self.path, exc) from exc
            try:
                yield self._db
            except sqlite3.DatabaseError as exc:
                self._db.execute("ROLLBACK")
                raise _database_error(self.path, exc) from exc
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("UPDATE meta SET value = value + 1 WHERE key = 'generation'")
            self._db.execute("INSERT OR IGNORE INTO meta VALUES ('generation', 1)")
            self._db.execute("COMMIT")

    def _rows(self, sql: str, args: Iterable = ()) -> list[tuple]:
        with self._lock:
            try:
                return self._db.execute(sql, tuple(args)).fetchall()
            except sqlite3.DatabaseError as exc:
                raise _database_error(self.path, exc) from exc

    @property
    def generation(self) -> int:
        """A number that changes whenever articles or chunks change."""
        rows = self._rows("SELECT value FROM meta WHERE key = 'generation'")
        return int(rows[0][0]) if rows else 0

    def content_hashes(self) -> dict[str, str]:
        """Return {article_id: content_hash} for every stored article."""
        return dict(self._rows("SELECT id, content_hash FROM articles"))

    def article_ids_for_path(self, path: str) -> set[str]:
        """Return the ids of the articles last read from this file."""
        return {row[0] for row in self._rows("SELECT article_id FROM files WHERE path = ?", [path])}

    def paths(self) -> set[str]:
        """Return every file path an article was read from."""
        return {row[0] for row in self._rows("SELECT DISTINCT path FROM files")}

    def put_article(self, article: Article, chunks: list[Chunk]) -> None:
        """Store (or replace) an article and its chunks, and link it to its file."""
        self.put_articles([(article, chunks)])

    def put_articles(self, items: list[tuple[Article, list[Chunk]]]) -> None:
        """Store (or replace) articles with their chunks in one transaction: one new generation, not one each."""
        if not items:
            return
        with self.transaction() as db:
            for article, chunks in items:
                db.execute("DELETE FROM chunks WHERE article_id = ?", [article.id])
                db.execute("INSERT OR REPLACE INTO articles VALUES (?,?,?,?,?,?,?,?,?)", [
                    article.id, article.title, article.source, _iso(article.published), article.url, article.author,
                    article.category, article.content_hash, article.body])
                db.executemany("INSERT INTO chunks VALUES (?,?,?,?,?,?)",
                               [(c.id, c.article_id, c.position, c.start, c.end, c.text) for c in chunks])
                db.execute("INSERT OR IGNORE INTO files VALUES (?, ?)", [article.path, article.id])

    def _require_writable(self) -> None:
        if self.read_only:
            raise RagError(f"The index at {self.path.parent} is a read-only copy. Ingest and repair on the host that "
                           "writes the index, then copy it here again.")

    def link(self, path: str, article_id: str) -> None:
        """Record that a file (also) holds this article."""
        with self._lock:
            self._require_writable()
            self._db.execute("INSERT OR IGNORE INTO files VALUES (?, ?)", [path, article_id])

    def unlink(self, path: str, article_ids: Iterable[str]) -> list[str]:
        """Forget that a file holds these articles; delete and return those no file holds any more."""
        ids = list(article_ids)
        if not ids:
            return []
        with self.transaction() as db:  # one transaction: a crash never leaves an article that no file holds
            db.executemany("DELETE FROM files WHERE path = ? AND article_id = ?", [(path, i) for i in ids])
            held = {row[0] for row in db.execute("SELECT DISTINCT article_id FROM files").fetchall()}
            orphans = [i for i in ids if i not in held]
            _delete_articles(db, orphans)
        return orphans

    def delete_articles(self, article_ids: list[str]) -> None:
        """Delete articles, their chunks and their file links."""
        if not article_ids:
            return
        with self.transaction() as db:
            _delete_articles(db, article_ids)

    def delete_chunks(self, chunk_ids: list[str]) -> None:
        """Delete chunks by id (used by `rag check --repair` for chunks whose article is gone)."""
        if chunk_ids:
            with self.transaction() as db:
                db.executemany("DELETE FROM chunks WHERE id = ?", [(i,) for i in chunk_ids])

    def integrity_problems(self) -> dict[str, tuple[list[str], str]]:
        """Return {problem: (ids concerned, what repair does)} for each inconsistency found inside the docstore."""
        found = {}
        for name, sql, repair in _INTEGRITY_CHECKS:
            if ids := [row[0] for row in self._rows(sql)]:
                found[name] = (ids, repair)
        return found

    def chunks_per_article(self) -> list[int]:
        """Return the number of chunks of each article that has any."""
        return [row[0] for row in self._rows("SELECT COUNT(*) FROM chunks GROUP BY article_id")]

    def chunk_layout(self) -> list[tuple[str, int, int, int, str, str]]:
        """Return (article id, position, start, end, chunk text, article body) of every chunk, in article order."""
        return self._rows("SELECT c.article_id, c.position, c.start, c.end, c.text, a.body FROM chunks c "
                          "JOIN articles a ON a.id = c.article_id ORDER BY c.article_id, c.position")

    def paths_for_article(self, article_id: str) -> list[str]:
        """Return the files that hold an article."""
        return [row[0] for row in self._rows("SELECT path FROM files WHERE article_id = ?", [article_id])]

    @property
    def index_id(self) -> str | None:
        """A random id naming this index, given on first ingest; a shared Chroma collection records its owner."""
        rows = self._rows("SELECT value FROM meta WHERE key = 'index_id'")
        return rows[0][0] if rows else None

    def claim_index_id(self) -> str:
        """Return the index id, creating it if the index has none yet."""
        with self._lock:
            self._require_writable()
            self._db.execute("INSERT OR IGNORE INTO meta VALUES ('index_id', ?)", [uuid.uuid4().hex])
        return self.index_id

    def adopt_index_id(self, index_id: str) -> None:
        """Take over an index id (a rebuilt docstore keeps its index's identity); only when none is set yet."""
        with self._lock:
            self._require_writable()
            self._db.execute("INSERT OR IGNORE INTO meta VALUES ('index_id', ?)", [index_id])

    def chunk_ids(self) -> set[str]:
        """Return the id of every stored chunk."""
        return {row[0] for row in self._rows("SELECT id FROM chunks")}

    def chunks(self, ids: Iterable[str] | None = None, articles: Iterable[str] | None = None) -> list[Chunk]:
        """Return chunks with their article metadata: all of them (in a stable order), those with these ids, or those
        of these articles (in article and position order)."""
        sql = ("SELECT c.id, c.article_id, c.text, c.start, c.end, a.title, a.source, a.published, a.url, c.position "
               "FROM chunks c JOIN articles a ON a.id = c.article_id")
        if ids is None and articles is None:
            rows = self._rows(sql + " ORDER BY c.article_id, c.position")
        else:
            column, wanted = ("c.id", list(ids)) if ids is not None else ("c.article_id", list(articles))
            order = "" if ids is not None else " ORDER BY c.article_id, c.position"
            rows = []
            for i in range(0, len(wanted), 500):
                batch = wanted[i:i + 500]
                rows += self._rows(sql + f" WHERE {column} IN ({','.join('?' * len(batch))}){order}", batch)
        return [Chunk(id=r[0], article_id=r[1], text=r[2], start=r[3], end=r[4], title=r[5], source=r[6],
                      published=_date(r[7]), url=r[8], position=r[9]) for r in rows]

    def article(self, article_id: str) -> Article | None:
        """Return one stored article, or None."""
        rows = self._rows("SELECT id, title, body, source, published, url, author, category, content_hash "
                          "FROM articles WHERE id = ?", [article_id])
        if not rows:
            return None
        r = rows[0]
        return Article(id=r[0], title=r[1], body=r[2], source=r[3], published=_date(r[4]), url=r[5], author=r[6],
                       category=r[7], content_hash=r[8])

    def counts(self) -> tuple[int, int]:
        """Return (articles, chunks)."""
        return (self._rows("SELECT COUNT(*) FROM articles")[0][0], self._rows("SELECT COUNT(*) FROM chunks")[0][0])

    def sources(self) -> list[str]:
        """Return the distinct sources, most articles first."""
        return [r[0] for r in self._rows("SELECT source FROM articles GROUP BY source ORDER BY COUNT(*) DESC, source")]

    def date_span(self) -> tuple[date | None, date | None]:
        """Return the first and last publication dates."""
        low, high = self._rows("SELECT MIN(published), MAX(published) FROM articles WHERE published != ''")[0]
        return _date(low), _date(high)

    def close(self) -> None:
        """Close the database."""
        self._db.close()


def _open_read_only(path: Path) -> sqlite3.Connection:
    """Open a docstore read-only; a WAL database in a read-only directory needs immutable=1 (no -shm file)."""
    for query in ("mode=ro", "mode=ro&immutable=1"):
        db = sqlite3.connect(f"file:{path}?{query}", uri=True, check_same_thread=False, isolation_level=None)
        try:
            db.execute("SELECT COUNT(*) FROM sqlite_master").fetchall()
            return db
        except sqlite3.OperationalError as exc:
            db.close()
            error = exc
    raise error


def _database_error(path: Path, exc: sqlite3.DatabaseError) -> RagError:
    """Return a one-line RagError for a database failure: corrupt file, locked, or other."""
    text = str(exc)
    if isinstance(exc, sqlite3.OperationalError) and "locked" in text:
        return IndexLockedError(f"{path} is locked by another process ({text}). Wait for it to finish and retry.")
    if isinstance(exc, sqlite3.OperationalError) and "no such table" not in text:
        return RagError(f"{path} cannot be used ({text}). Check the file and directory permissions and free disk "
                        "space.")
    return DocStoreCorruptError(
        f"{path} is damaged ({text}). Restore it from a backup, or rebuild the index from the corpus with "
        "`rag ingest --rebuild PATH` (re-reads and re-embeds every article).")


def _delete_articles(db: sqlite3.Connection, article_ids: list[str]) -> None:
    for table, column in (("chunks", "article_id"), ("files", "article_id"), ("articles", "id")):
        db.executemany(f"DELETE FROM {table} WHERE {column} = ?", [(i,) for i in article_ids])


def _iso(value: date | None) -> str:
    return value.isoformat() if value else ""


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
