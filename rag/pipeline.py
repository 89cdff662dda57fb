"""Pipeline: the one facade users need. ingest() files, retrieve() passages, ask() for a cited answer."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from .answer.answerability import AnswerModel, load_answer_model
from .answer.extractive import compose_answer
from .ingest.chunking import chunk_article
from .config import Settings, load_settings
from .index.docstore import DocStore
from .index.embed import Embedder, make_embedder
from .errors import ArticleError, EmptyIndexError, IndexLockedError, QuestionError, RagError
from .ingest.readers import discover_files, origin_of, read_file
from .index.lexical import LexicalIndex
from .retrieval.analysis import analyse_question
from .retrieval.retriever import HybridRetriever
from .index.vectors import VectorStore
from .types import Answer, Article, Hit, IndexStats, IngestReport

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]  # (stage, done, total)
MAX_QUESTION_CHARS = 2000


class Pipeline:
    """Offline news QA over one index. Constructing it is cheap: models and stores load on first use."""

    def __init__(self, settings: Settings | None = None, *, embedder: Embedder | None = None, **overrides):
        self.settings = settings.model_copy(update=overrides) if settings else load_settings(**overrides)
        self._embedder = embedder
        self._docs: DocStore | None = None
        self._vectors: VectorStore | None = None
        self._lexical: LexicalIndex | None = None
        self._answer_model: AnswerModel | None = None
        self._rerankers: dict = {}  # dense? -> the shipped reranker model, loaded once on first use
        self._lock = threading.RLock()

    # -- parts, loaded lazily -------------------------------------------------------------------------
    @property
    def embedder(self) -> Embedder:
        """The sentence encoder (loaded on first use)."""
        if self._embedder is None:
            self._embedder = make_embedder(self.settings.embed_model, self.settings.embed_batch_size,
                                           self.settings.embed_backend, self.settings.onnx_cache_dir)
        return self._embedder

    @property
    def answer_model(self) -> AnswerModel:
        """The answerability model (shipped JSON), with refusal_threshold applied when it is set."""
        with self._lock:
            if self._answer_model is None:
                self._answer_model = load_answer_model()
                if self.settings.refusal_threshold is not None:
                    self._answer_model.threshold = self.settings.refusal_threshold
            return self._answer_model

    @property
    def docs(self) -> DocStore:
        """The article and chunk records."""
        with self._lock:
            if self._docs is None:
                self._docs = DocStore(self.settings.index_dir / "docs.sqlite")
            return self._docs

    @property
    def vectors(self) -> VectorStore:
        """The Chroma collection (checked against the model and chunking settings)."""
        with self._lock:
            if self._vectors is None:
                self._vectors = VectorStore(self.settings, self.embedder.name, self.embedder.dim)
            return self._vectors

    @property
    def lexical(self) -> LexicalIndex:
        """The BM25 index of the docstore's current generation: loaded from disk, or built (and saved) when none
        was saved for it, e.g. after a crash or a deleted bm25/ directory."""
        with self._lock:
            generation = self.docs.generation
            if self._lexical is None or self._lexical.generation != generation:
                self._lexical = LexicalIndex.load(self.settings.index_dir / "bm25", generation)
            if self._lexical is None:
                self._lexical = self.build_lexical()
            return self._lexical

    def build_lexical(self) -> LexicalIndex:
        """Build and save BM25 over every stored chunk unless this generation is saved already; return it."""
        with self._lock:
            generation = self.docs.generation
            directory = self.settings.index_dir / "bm25"
            index = LexicalIndex.load(directory, generation)
            if index is None:
                log.info("building the BM25 index (generation %d)", generation)
                index = LexicalIndex.build(self.docs.chunks(), generation)
                if not self.docs.read_only:  # a read-only copy keeps it in memory
                    # A saved generation that did not load is damaged: rewrite it.
                    index.save(directory, replace=(directory / f"g{generation}").exists())
            self._lexical = index
            return index

    # -- ingest -----------------------------------------------------------------------------------------
    def ingest(self, *paths: str | Path, prune: bool = False, progress: Progress | None = None,
               rebuild: bool = False) -> IngestReport:
        """Read, clean, chunk and embed the files under paths; unchanged articles are skipped.

        rebuild=True first moves docs.sqlite and BM25 aside (kept, never deleted) and builds them again from the
        files: the way back from a damaged docstore. Vectors of unchanged chunks are kept, not re-embedded."""
        started = time.perf_counter()
        report = IngestReport()
        with self.write_lock():
            if rebuild:
                self._set_aside_docstore()
            # Fail fast, before any work, on a mismatched index or a server collection another index owns.
            self.vectors.claim(self._claim_index_id())
            files, report.failed = discover_files(paths or [self.settings.corpus_dir])
            for number, file in enumerate(files, 1):
                self._ingest_file(file, report)
                if progress:
                    progress("read", number, len(files))
            if prune:
                for path in sorted(self.docs.paths()):
                    if not Path(path).exists():
                        report.removed += self.docs.unlink(path, self.docs.article_ids_for_path(path))
            self.build_lexical()  # BM25 over everything is ready before the slow embedding starts
            report.chunks_embedded = self.sync_vectors(progress)
        report.seconds = time.perf_counter() - started
        log.info("ingest: %s", report.summary())
        return report

    def _ingest_file(self, file: Path, report: IngestReport) -> None:
        try:
            origin = origin_of(file, self.settings.corpus_dir)
            articles, bad_records = read_file(file, int(self.settings.max_file_mb * 1e6), origin)
            articles = self._within_limits(file, articles, report)
        except ArticleError as exc:
            report.failed.append((exc.path, str(exc).removeprefix(f"{exc.path}: ")))
            return
        report.failed += bad_records
        path = str(file)
        previous = self.docs.article_ids_for_path(path)
        hashes = self.docs.content_hashes() if articles else {}
        # Identical content is one article: a copied file (or an upload of a corpus file) links it and changes nothing.
        by_content = {content: stored_id for stored_id, content in hashes.items()}
        current: set[str] = set()
        changed = []
        for article in articles:
            old_hash = hashes.get(article.id)
            twin = by_content.get(article.content_hash)
            if old_hash is None and twin is not None:
                article.id = twin  # stored already from another file (or earlier in this one): link, do not copy
            if article.id in current:
                continue
            current.add(article.id)
            if old_hash == article.content_hash or (old_hash is None and twin is not None):
                report.skipped.append(article.id)
                if article.id not in previous:
                    self.docs.link(path, article.id)
                continue
            chunks = chunk_article(article, self.settings.chunk_size, self.settings.chunk_overlap)
            if len(chunks) > self.settings.max_article_chunks:  # the estimate let it through; the count did not
                report.failed.append((f"{file}: {article.title[:60]}",
                                      _too_long(len(chunks), self.settings.max_article_chunks)))
                continue
            by_content[article.content_hash] = article.id
            changed.append((article, chunks))
            (report.updated if old_hash else report.added).append(article.id)
        # One transaction per file: a file lands whole or not at all, and BM25 (rebuilt per docstore generation)
        # is rebuilt once per file rather than once per article while questions arrive during a first ingest.
        self.docs.put_articles(changed)
        report.removed += self.docs.unlink(path, previous - current)

    def _within_limits(self, file: Path, articles: list[Article], report: IngestReport) -> list[Article]:
        """Return the articles short enough to index; the others go to report.failed as "skipped: too long".

        Token counts are estimated from characters (~4 per token in English text; an unbroken string of letters
        is nearer 1 per token, which only makes the estimate lower than the splitter's count)."""
        limits = self.settings
        tokens = sum(len(a.body) for a in articles) // 4
        if tokens > limits.max_file_tokens:
            raise ArticleError(str(file), f"skipped: too long (about {tokens:,} tokens; the limit is "
                               f"{limits.max_file_tokens:,} per file)", "Split the file, or raise RAG_MAX_FILE_TOKENS.")
        kept = []
        step = max(1, limits.chunk_size - limits.chunk_overlap)
        for article in articles:
            if len(article.body) // 4 // step > limits.max_article_chunks:
                report.failed.append((f"{file}: {article.title[:60]}", _too_long(len(article.body) // 4 // step,
                                                                                   limits.max_article_chunks)))
            else:
                kept.append(article)
        return kept

    def _claim_index_id(self) -> str:
        """Return this index's id (created on first ingest) and keep a copy in index_dir/index.id, so a rebuilt
        docstore can prove it owns the same Chroma collection."""
        copy = self.settings.index_dir / "index.id"
        if self.docs.index_id is None and copy.exists():
            self.docs.adopt_index_id(copy.read_text().strip())
        elif self.docs.index_id is None and self.settings.store == "embedded":
            # An embedded collection lives inside this index_dir: its owner can only be this index's earlier docstore.
            if owner := self.vectors.metadata().get("index_id"):
                self.docs.adopt_index_id(owner)
        index_id = self.docs.claim_index_id()
        if not copy.exists():
            copy.write_text(index_id + "\n")
        return index_id

    def _set_aside_docstore(self) -> None:
        """Move docs.sqlite (with its WAL files) and bm25/ to *.damaged-<time> for a rebuild; delete nothing."""
        with self._lock:
            if self._docs is not None:
                self._docs.close()
            self._docs, self._lexical = None, None
            stamp = time.strftime("%Y%m%d-%H%M%S")
            for name in ("docs.sqlite", "docs.sqlite-wal", "docs.sqlite-shm", "bm25"):
                if (old := self.settings.index_dir / name).exists():
                    old.rename(old.with_name(f"{name}.damaged-{stamp}"))
                    log.warning("moved %s aside to %s.damaged-%s for the rebuild", old, name, stamp)

    def sync_vectors(self, progress: Progress | None = None, batch: int = 256) -> int:
        """Embed stored chunks that have no vector and drop vectors of deleted chunks; return chunks embedded.

        Deleting needs proof of ownership: the collection must record this docstore's index id (set by ingest), so
        an empty or mistyped index directory can never empty a collection another index filled."""
        stored = self.vectors.ids()
        wanted = self.docs.chunk_ids()
        orphans = sorted(stored - wanted)
        if orphans:
            self.vectors.require_owner(self.docs.index_id)
            self.vectors.delete(orphans)
        pending = sorted(wanted - stored)
        done = 0
        if progress and pending:
            progress("embed", 0, len(pending))  # show the bar (and start its clock) before the first batch
        for i in range(0, len(pending), batch):
            chunks = self.docs.chunks(pending[i:i + batch])
            self.vectors.upsert(chunks, self.embedder.encode([c.indexed_text for c in chunks]))
            done += len(chunks)
            if progress:
                progress("embed", done, len(pending))
        return done

    @contextmanager
    def write_lock(self):
        """Hold the index's write lock (a file lock) for the block; IndexLockedError if another process has it."""
        from filelock import FileLock, Timeout

        try:
            self.settings.index_dir.mkdir(parents=True, exist_ok=True)
            lock = FileLock(self.settings.index_dir / "write.lock", timeout=0, thread_local=False)
            lock.acquire()
        except Timeout as exc:
            raise IndexLockedError(f"The index at {self.settings.index_dir} is locked: another process is "
                                   "ingesting into it. Wait for it to finish, or use another RAG_INDEX_DIR.") from exc
        except OSError as exc:
            raise RagError(f"Cannot write to the index directory {self.settings.index_dir} ({exc.strerror or exc}). "
                           "Set RAG_INDEX_DIR (or --index-dir) to a directory you can write; a read-only copy of an "
                           "index answers questions but cannot ingest or repair.") from exc
        try:
            yield
        finally:
            lock.release()

    def ensure_index(self, progress: Progress | None = None) -> IngestReport | None:
        """Ingest the default corpus when the index is empty (first run); return its report, or None."""
        if self.docs.counts()[0]:
            return None
        corpus = self.settings.corpus_dir
        if not corpus.exists():
            raise RagError(f"The index at {self.settings.index_dir} is empty and the corpus directory {corpus} does "
                           "not exist. Run `rag ingest PATH` or set RAG_CORPUS_DIR to your articles.")
        log.info("first run: ingesting %s", corpus)
        return self.ingest(corpus, progress=progress)

    # -- query -------------------------------------------------------------------------------------------
    def retrieve(self, query: str, k: int | None = None, sources: list[str] | None = None,
                 since: date | str | None = None, until: date | str | None = None) -> list[Hit]:
        """Return the k best passages for the query, optionally filtered by source and publication dates."""
        query = _check_question(query)
        self._require_articles()
        vectors = self._vectors or _VectorsOnDemand(self)  # BM25 usually suffices: Chroma starts only when needed
        retriever = HybridRetriever.from_settings(self.docs, self.lexical, vectors, self.embedder, self.settings,
                                                  self._rerankers)
        return retriever.retrieve(query, k or self.settings.top_k, sources=sources or None,
                                  since=_as_date(since), until=_as_date(until))

    def ask(self, question: str, k: int | None = None, sources: list[str] | None = None,
            since: date | str | None = None, until: date | str | None = None) -> Answer:
        """Return a cited extractive answer, or a refusal when the corpus does not support one."""
        started = time.perf_counter()
        hits = self.retrieve(question, k or self.settings.answer_passages, sources, since, until)
        retrieved = time.perf_counter()
        answer = self.answer(question, hits)
        answer.timings = {"retrieve_ms": (retrieved - started) * 1e3,
                          "answer_ms": (time.perf_counter() - retrieved) * 1e3,
                          "total_ms": (time.perf_counter() - started) * 1e3}
        return answer

    def answer(self, question: str, hits: list[Hit]) -> Answer:
        """Return the extractive answer (or refusal) that these passages give to the question."""
        question = _check_question(question)
        bodies = {h.article_id: a.body for h in hits if (a := self.docs.article(h.article_id))}
        analysis = analyse_question(question, self.lexical.known_sources, self.settings.date_slack_days)
        return compose_answer(question, hits, self.embedder, self.answer_model, analysis=analysis,
                              max_sentences=self.settings.answer_sentences, bodies=bodies)

    def _require_articles(self) -> None:
        """Raise EmptyIndexError (creating nothing) unless the index holds articles."""
        exists = self._docs is not None or (self.settings.index_dir / "docs.sqlite").exists()
        if not exists or not self.docs.counts()[0]:
            raise EmptyIndexError(f"The index at {self.settings.index_dir} holds no articles. "
                                  f"Run `rag ingest {self.settings.corpus_dir}` first.")

    def stats(self) -> IndexStats:
        """Return what the index holds (EmptyIndexError when there is no index)."""
        self._require_articles()
        articles, chunks = self.docs.counts()
        first, last = self.docs.date_span()
        return IndexStats(articles=articles, chunks=chunks, embedded_chunks=self.vectors.count(),
                          sources=self.docs.sources(), first_published=first, last_published=last,
                          model=self.embedder.name, index_dir=str(self.settings.index_dir))

    def as_retriever(self, k: int = 10, filters=None, **retrieve_filters):
        """Return this pipeline as a llama-index BaseRetriever (filters: llama-index MetadataFilters on source and
        published, or the keyword filters of retrieve())."""
        from .integrations.llama_index import NewsRetriever

        return NewsRetriever(self, k, filters, **retrieve_filters)


def _too_long(chunks: int, limit: int) -> str:
    return (f"skipped: too long ({chunks:,} passages; the limit is {limit:,} per article). Split the article, or "
            "raise RAG_MAX_ARTICLE_CHUNKS.")


class _VectorsOnDemand:
    """A pipeline's vector store, opened on first use: retrieval only searches vectors when dense fusion is on or
    BM25 finds too little, so a fresh process answering from BM25 never pays Chroma's start-up (~2-3 s on 2 cores)."""

    def __init__(self, pipeline: Pipeline):
        self._pipeline = pipeline

    def __getattr__(self, name: str):
        return getattr(self._pipeline.vectors, name)


def _check_question(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise QuestionError("The question is empty. Type a question about the news, e.g. 'Who did Rutte meet?'.")
    if len(text) > MAX_QUESTION_CHARS:
        raise QuestionError(f"The question is {len(text)} characters long; the limit is {MAX_QUESTION_CHARS}. "
                            "Ask a shorter question.")
    return text


def _as_date(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise RagError(f"'{value}' is not a date. Use YYYY-MM-DD, e.g. 2023-10-01.") from exc
