"""Pipeline: the one facade users need. ingest() files, retrieve() passages, ask() for a cited answer."""

from __future__ import annotations

import logging
import re
import shutil
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import replace
from datetime import date
from pathlib import Path

from .answer.answerability import FACTOID_KINDS, AnswerModel, load_answer_model, ordinary_words
from .answer.extractive import candidate_sentences, compose_answer
from .answer.generate import StreamEvent, condense_question, generate_answer, stream_answer
from .answer.llm import ChatModel, make_chat_model
from .ingest.chunking import chunk_article
from .config import Settings, load_settings
from .index.docstore import DocStore
from .index.embed import Embedder, make_embedder
from .errors import ArticleError, EmptyIndexError, IndexLockedError, LLMError, QuestionError, RagError
from .ingest.readers import discover_files, origin_of, read_file
from .index.lexical import LexicalIndex
from .index.sentence_vectors import SentenceEncoder, SentenceVectorStore, sync_sentence_vectors
from .retrieval.analysis import analyse_question, may_name, name_form, typed_lower, typed_words
from .retrieval.retriever import HybridRetriever
from .index.vectors import VectorStore
from .types import UPLOAD_PREFIX, Answer, Article, Hit, IndexStats, IngestReport

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]  # (stage, done, total)
STAGE_UNITS = {"read": "files", "chunk": "articles", "keyword": "passages", "embed": "passages",
               "sentences": "passages"}


class StageReporter:
    """A Progress callback that forwards to another and logs one line per stage start, about every 10 %, and end."""

    def __init__(self, progress: Progress | None = None):
        self.progress = progress
        self._logged: dict[str, int] = {}  # stage -> last tenth logged

    def __call__(self, stage: str, done: int, total: int) -> None:
        tenth = 10 * done // total if total else 10
        if tenth > self._logged.get(stage, -1):
            log.info("ingest %s: %d of %d %s", stage, done, total, STAGE_UNITS.get(stage, ""))
            self._logged[stage] = tenth
        if self.progress:
            self.progress(stage, done, total)
MAX_QUESTION_CHARS = 2000


# What the index holds per character of article text: passages, keyword index, passage and sentence vectors (the
# default corpus: 6.2 million characters, 193 MB of index), with room for SQLite's and Chroma's temporary copies
INDEX_BYTES_PER_CHAR = 45
INDEX_MARGIN_BYTES = 8_000_000


class Pipeline:
    """Offline news QA over one index. Constructing it is cheap: models and stores load on first use."""

    def __init__(self, settings: Settings | None = None, *, embedder: Embedder | None = None, llm=None, **overrides):
        if isinstance(llm, str):  # Pipeline(llm="openai") names a backend (the `llm` setting)
            overrides["llm"], llm = llm, None
        self.settings = settings.model_copy(update=overrides) if settings else load_settings(**overrides)
        self._embedder = embedder
        self._llm_object = llm  # a llama-index LLM or a ChatModel given by the caller
        self._llm: ChatModel | None = None
        self._docs: DocStore | None = None
        self._vectors: VectorStore | None = None
        self._lexical: LexicalIndex | None = None
        self._sentence_encoder: SentenceEncoder | None = None
        self._answer_model: AnswerModel | None = None
        self._rerankers: dict = {}  # dense? -> the shipped reranker model, loaded once on first use
        self._lock = threading.RLock()

    # -- parts, loaded lazily -------------------------------------------------------------------------
    @property
    def embedder(self) -> Embedder:
        """The sentence encoder (loaded on first use)."""
        if self._embedder is None:
            self._embedder = make_embedder(self.settings.embed_model, self.settings.embed_batch_size,
                                           self.settings.embed_backend, self.settings.onnx_cache_dir,
                                           self.settings.answer_encoder)
        return self._embedder

    @property
    def sentence_encoder(self) -> SentenceEncoder:
        """The embedder as the answer layer uses it: sentence vectors read from the index when stored there."""
        with self._lock:
            if self._sentence_encoder is None:
                store = None
                if self.settings.sentence_vectors:
                    encoder_id = f"{self.embedder.name}/{self.settings.answer_encoder}"
                    store = SentenceVectorStore(self.settings.index_dir / "sentences.sqlite", encoder_id,
                                                self.embedder.dim)
                self._sentence_encoder = SentenceEncoder(self.embedder, store)
            return self._sentence_encoder

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
    def llm_enabled(self) -> bool:
        """True when answers are generated by a language model (Pipeline(llm=...) or RAG_LLM other than extractive)."""
        return self._llm_object is not None or self.settings.llm != "extractive"

    def chat_model(self) -> ChatModel | None:
        """The language model answers are generated with (set up on first use), or None for extractive answers.

        Raises LLMError when the configured backend cannot be set up (missing package or model file)."""
        with self._lock:
            if self._llm is None and self.llm_enabled:
                self._llm = make_chat_model(self.settings, self._llm_object)
            return self._llm

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
               rebuild: bool = False, embed: bool = True) -> IngestReport:
        """Read, clean, chunk and store the files under paths, build BM25 over every article, then embed (unless
        embed=False: the caller embeds later with sync_vectors); unchanged articles are skipped.

        Stages reported to progress, counted honestly: read (files), chunk (articles), keyword (passages), embed
        (passages). rebuild=True first moves docs.sqlite and BM25 aside (kept, never deleted) and builds them again
        from the files: the way back from a damaged docstore. Vectors of unchanged chunks are kept, not re-embedded."""
        started = time.perf_counter()
        report = IngestReport()
        stages = StageReporter(progress)
        with self.write_lock():
            files, report.failed = discover_files(paths or [self.settings.corpus_dir])
            if rebuild:
                missing = [where for where, _ in report.failed if not Path(where).exists()]
                if missing or not files:  # a mistyped path would rebuild an empty docstore and drop every vector
                    where = ", ".join(missing or map(str, paths or [self.settings.corpus_dir]))
                    raise RagError(f"--rebuild found no articles at {where}. Check the path: a rebuild reads every "
                                   "article of the index again from its files; the index was left as is.")
                self._set_aside_docstore()
            elif not self.docs.counts()[0]:
                self._refuse_lost_docstore()
            if embed:  # fail fast, before any work, on a mismatched index or a server collection another index owns
                self.vectors.claim(self._claim_index_id())
            stored_before = self.docs.paths() if prune else set()
            read = self._read_files(files, report, stages)
            self._require_space([a for _, articles, _ in read for a in articles])
            total, done = sum(len(articles) for _, articles, _ in read), 0
            for file, articles, whole in read:
                done = self._ingest_file(file, articles, report, stages, (done, total), whole)
            if prune:
                report.removed += self._prune(paths or [self.settings.corpus_dir], stored_before, files)
            chunks = self.docs.counts()[1]
            stages("keyword", 0, chunks)
            self.build_lexical()  # BM25 over everything is ready before the slow embedding starts
            stages("keyword", chunks, chunks)
            if embed:
                report.chunks_embedded = self.sync_vectors(stages)
                self.sync_sentences(stages)
            else:  # keyword search first (opening Chroma takes seconds); still claimed before any vector is written
                self.vectors.claim(self._claim_index_id())
        report.seconds = time.perf_counter() - started
        log.info("ingest: %s", report.summary())
        return report

    def _prune(self, scope: list[str | Path], stored: set[str], read: list[Path]) -> list[str]:
        """Unlink the stored files under the ingested paths that are gone; return the article ids removed.

        Only files inside what this ingest read can be pruned: `rag ingest extra.txt --prune` run from another
        directory must not take the corpus (stored by relative paths) for deleted files. A path stored relative is
        judged only when this ingest read some of the files stored with it: if it read none, they were ingested
        from another working directory ("rag ingest . --prune" elsewhere), not deleted."""
        roots = [Path(p).resolve() for p in scope]
        inside = [(path, Path(path).resolve()) for path in sorted(stored)]
        inside = [(path, where) for path, where in inside if any(where == r or r in where.parents for r in roots)]
        relative = {where for path, where in inside if not Path(path).is_absolute()}
        if relative and not relative & {file.resolve() for file in read}:
            log.warning("--prune: %d files stored by relative paths are not where %s reads them; they are kept "
                        "(prune from the directory they were ingested from)", len(relative), Path.cwd())
            inside = [(path, where) for path, where in inside if Path(path).is_absolute()]
        removed = []
        for path, where in inside:
            if not where.exists():
                removed += self.docs.unlink(path, self.docs.article_ids_for_path(path))
        return removed

    def _read_files(self, files: list[Path], report: IngestReport,
                    stages: StageReporter) -> list[tuple[Path, list[Article], bool]]:
        """Return each readable file with its articles and whether every record of it was read (all read before any
        is stored, so progress can count articles); unreadable files and records go to report.failed."""
        read = []
        for number, file in enumerate(files, 1):
            try:
                origin = origin_of(file, self.settings.corpus_dir)
                articles, bad_records = read_file(file, int(self.settings.max_file_mb * 1e6), origin)
                read.append((file, self._within_limits(file, articles, report), not bad_records))
                report.failed += bad_records
            except ArticleError as exc:
                report.failed.append((exc.path, str(exc).removeprefix(f"{exc.path}: ")))
            stages("read", number, len(files))
        return read

    def _ingest_file(self, file: Path, articles: list[Article], report: IngestReport, stages: StageReporter,
                     counts: tuple[int, int], whole: bool = True) -> int:
        """Chunk and store one file's new or changed articles; return the articles handled so far. A file with a
        record that could not be read (whole=False) keeps its earlier articles: the broken line may be one of them."""
        done, total = counts
        path = str(file)
        previous = self.docs.article_ids_for_path(path)
        hashes = self.docs.content_hashes() if articles else {}
        # Identical content is one article: a copied file links it and changes nothing. Not across the corpus and the
        # uploads: an upload of a corpus article is an article of its own ("u-"), so deleting the corpus file still
        # removes the corpus article, and a corpus file never turns into an upload's article.
        upload = bool(articles) and articles[0].id.startswith(UPLOAD_PREFIX)
        by_content = {content: stored_id for stored_id, content in hashes.items()
                      if stored_id.startswith(UPLOAD_PREFIX) == upload}
        current: set[str] = set()
        changed = []
        for article in articles:
            done += 1
            stages("chunk", done, total)
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
        # A changed article that other files link (their identical copy) is theirs too: they get their own article,
        # with the text they still hold, before this file's new text replaces it (read again below).
        copies = sorted({other for article, _ in changed for other in self.docs.paths_for_article(article.id)
                         if other != path and Path(other).exists()})
        # One transaction per file: a file lands whole or not at all, and BM25 (rebuilt per docstore generation)
        # is rebuilt once per file rather than once per article while questions arrive during a first ingest.
        self.docs.put_articles(changed)
        if whole:
            report.removed += self.docs.unlink(path, previous - current)
        for other in copies:
            for file, read_articles, all_read in self._read_files([Path(other)], report, StageReporter(None)):
                self._ingest_file(file, read_articles, report, StageReporter(None), (0, len(read_articles)), all_read)
        return done

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

    def sync_vectors(self, progress: Progress | None = None, batch: int = 256,
                     hold: Callable[[], AbstractContextManager] | None = None) -> int:
        """Embed stored chunks that have no vector and drop vectors of deleted chunks; return chunks embedded.

        Deleting needs proof of ownership: the collection must record this docstore's index id (set by ingest), so
        an empty or mistyped index directory can never empty a collection another index filled. hold, when given,
        is entered around each read and write of the stores (not around encoding), and the pending list is re-read
        until nothing is left, so other writers (uploads in the app) can store articles while passages are embedded."""
        hold = hold or nullcontext
        done, total = 0, 0
        while True:
            with hold():
                stored = self.vectors.ids()
                wanted = self.docs.chunk_ids()
                if orphans := sorted(stored - wanted):
                    self.vectors.require_owner(self.docs.index_id)
                    self.vectors.delete(orphans)
            pending = sorted(wanted - stored)
            if not pending:
                return done
            total += len(pending)
            if progress:
                progress("embed", done, total)  # show the bar (and start its clock) before the first batch
            for i in range(0, len(pending), batch):
                with hold():
                    chunks = self.docs.chunks(pending[i:i + batch])
                # Encoding (the slow part) holds nothing; a chunk deleted meanwhile leaves an orphan the next pass drops.
                vectors = self.embedder.encode([c.indexed_text for c in chunks]) if chunks else None
                if chunks:
                    with hold():
                        self.vectors.upsert(chunks, vectors)
                done += len(pending[i:i + batch])
                if progress:
                    progress("embed", done, total)
            if hold is nullcontext:
                return done  # nobody else writes meanwhile: one pass is all

    def sync_sentences(self, progress: Progress | None = None,
                       hold: Callable[[], AbstractContextManager] | None = None) -> int:
        """Store the vectors of the answer sentences of every passage that has none yet (sentence_vectors=True);
        return how many passages were covered. hold: as in sync_vectors."""
        store = self.sentence_encoder.store
        if store is not None and not store.usable:  # opened before the index directory existed: open it again
            with self._lock:
                self._sentence_encoder = None
            store = self.sentence_encoder.store
        if store is None:
            return 0
        return sync_sentence_vectors(store, self.docs, self.embedder, candidate_sentences, progress, hold=hold)

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
                           "index cannot ingest or repair, and answers only with a Chroma server (RAG_STORE=server): "
                           "embedded Chroma writes its own files.") from exc
        try:
            yield
        finally:
            lock.release()

    def _require_space(self, articles: list[Article]) -> None:
        """Raise RagError before anything is written when the index's disk cannot hold the new articles: a disk that
        fills up part-way leaves embedded Chroma unable to open its files until space is freed."""
        stored = set(self.docs.content_hashes().values())
        text = sum(len(a.body) + len(a.title) for a in articles if a.content_hash not in stored)
        if not text:
            return
        needed = text * INDEX_BYTES_PER_CHAR + INDEX_MARGIN_BYTES  # (uploads embed later, in the background)
        free = shutil.disk_usage(self.settings.index_dir).free
        if free < needed:
            raise RagError(f"Not enough free disk space for the index at {self.settings.index_dir}: these articles "
                           f"need about {needed / 1e6:,.0f} MB and {free / 1e6:,.0f} MB are free. Free some space, or "
                           "set RAG_INDEX_DIR to a larger disk (nothing was changed).")

    def _refuse_lost_docstore(self) -> None:
        """Raise RagError when the docstore holds no article but the collection holds this index's vectors: docs.sqlite
        was lost or emptied, and an ingest of other files would adopt the index and delete every vector it no longer
        lists (only --rebuild, which reads the index's own files again, goes on)."""
        if self.settings.store == "embedded" and (vectors := self.vectors.count()):
            raise RagError(f"The docstore {self.settings.index_dir / 'docs.sqlite'} holds no articles, but the index "
                           f"holds {vectors:,} passage vectors: docs.sqlite was lost or damaged. Rebuild it from the "
                           "articles the index was built from with `rag ingest --rebuild PATH` (nothing was changed).")

    def ensure_index(self, progress: Progress | None = None) -> IngestReport | None:
        """Ingest the default corpus when the index is empty (first run); return its report, or None."""
        if self.docs.counts()[0]:
            return None
        self._refuse_lost_docstore()
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
        since, until = _as_date(since), _as_date(until)
        if sources:  # an outlet as typed ("coastal herald") is the indexed one of that name ("Coastal Herald")
            known = self._outlets()
            sources = [known.get(s.casefold(), s) for s in sources]
        if since and until and since > until:
            raise RagError(f"The date filter runs backwards: since {since} is after until {until}. Swap them.")
        return retriever.retrieve(query, k or self.settings.top_k, sources=sources or None, since=since, until=until)

    def _outlets(self) -> dict[str, str]:
        """Return the indexed outlets by their case-folded names."""
        return {s.casefold(): s for s in self.lexical.known_sources}

    def unknown_sources(self, sources: list[str] | None) -> list[str]:
        """Return the outlets of a source filter that no indexed article has, case aside (a typo filters everything
        out)."""
        known = self._outlets() if sources else {}
        return [s for s in sources or [] if s.casefold() not in known]

    def ask(self, question: str, k: int | None = None, sources: list[str] | None = None,
            since: date | str | None = None, until: date | str | None = None) -> Answer:
        """Return a cited answer (extractive, or generated and verified when an LLM is configured), or a refusal
        when the corpus does not support one."""
        *_, last = self.ask_stream(question, k, sources, since, until, stream=False)
        return last.answer

    def ask_stream(self, question: str, k: int | None = None, sources: list[str] | None = None,
                   since: date | str | None = None, until: date | str | None = None,
                   stream: bool = True) -> Iterator[StreamEvent]:
        """Yield an answer as it is made: with an LLM, its tokens and each verified sentence; always the Answer last."""
        started = time.perf_counter()
        hits = self.retrieve(question, k or self.settings.answer_passages, sources, since, until)
        retrieved = time.perf_counter()
        question = question.strip()
        words = self._time_words(question)  # applied as filters / ordering: answers are checked against the rest
        outside = words is not None and words.outside(hits)  # (the window was left: the words date what is asked)
        extract = lambda: self.answer(words.query if words and not outside else question, hits)  # noqa: E731
        model, note = None, ""
        if self.llm_enabled and hits:
            try:
                model = self.chat_model()
            except LLMError as exc:
                note = f"The language model is not available, so this is the extractive answer. {exc}"
        if model is None:
            answer = extract()
            answer.note = " ".join(filter(None, [answer.note, note]))
        else:
            options = {"unsupported": self.settings.llm_unsupported, "max_sentences": self.settings.answer_sentences}
            if stream:
                answer = None
                for event in stream_answer(question, hits, model, self.sentence_encoder, extract, **options):
                    if event.kind != "answer":
                        yield event
                    answer = event.answer
            else:
                answer = generate_answer(question, hits, model, self.sentence_encoder, extract, **options)
        answer.question = question
        answer.note = " ".join(filter(None, [answer.note, words.note(outside) if words else ""]))
        answer.timings = answer.timings | {"retrieve_ms": (retrieved - started) * 1e3,
                                           "answer_ms": (time.perf_counter() - retrieved) * 1e3,
                                           "total_ms": (time.perf_counter() - started) * 1e3}
        yield StreamEvent("answer", answer=answer)

    def condense(self, question: str, previous: list[str]) -> str | None:
        """Return a follow-up rewritten by the LLM into a standalone question (condense-question), or None when no
        LLM is configured or it fails (callers then keep their rule-based rewrite)."""
        if not previous or not self.llm_enabled:
            return None
        try:
            model = self.chat_model()
        except LLMError as exc:
            log.warning("%s", exc)
            return None
        return condense_question(model, question.strip(), previous) if model else None

    def answer(self, question: str, hits: list[Hit]) -> Answer:
        """Return the extractive answer (or refusal) that these passages give to the question."""
        question = _check_question(question)
        bodies = {h.article_id: a.body for h in hits if (a := self.docs.article(h.article_id))}
        analysis = analyse_question(question, self.lexical.known_sources, self.settings.date_slack_days)
        analysis = replace(analysis, names=analysis.names + self._names_elsewhere(analysis, hits))
        answer = compose_answer(question, hits, self.sentence_encoder, self.answer_model, analysis=analysis,
                                max_sentences=self.settings.answer_sentences, bodies=bodies)
        if answer.refused and analysis.kind in FACTOID_KINDS and not (analysis.plan and analysis.plan.sources):
            # a one-article factoid the passages do not answer: the right article's other passages may
            if siblings := self._sibling_passages(hits):
                again = compose_answer(question, hits + siblings, self.sentence_encoder, self.answer_model,
                                       analysis=analysis, max_sentences=self.settings.answer_sentences, bodies=bodies)
                if not again.refused:
                    return again
        return answer

    def _names_elsewhere(self, analysis, hits: list[Hit]) -> list[str]:
        """Return the words of a lower-case question that no retrieved passage has and the corpus writes as names
        ("how many died in the earthquake in morocco?": "Morocco"), which then bind an answer as the names of a
        question do: passages that never mention them do not answer it."""
        if not (analysis.is_keyword or typed_lower(analysis.question)) or not hits:
            return []
        seen = " ".join(f"{h.title} {h.text}" for h in hits)
        ordinary, found = ordinary_words(), []
        words = typed_words(analysis.question)
        # the thing asked for is no constraint: "which union ...?" asks for a name, "... ferry strike union" too
        asked = {w for i, w in enumerate(words) if {"which", "what", "whose"} & set(words[max(0, i - 2):i])}
        for word in dict.fromkeys(words[:-1] if analysis.is_keyword else words):
            if not may_name(word) or word in ordinary or word in asked or re.search(
                    rf"(?<![\w-]){re.escape(word)}(?![\w-])", seen, re.I):
                continue
            tokens = self.lexical.query_tokens(word)
            ids = self.lexical.chunks_with(tokens[0]) if len(tokens) == 1 else []
            if ids and (form := name_form(word, "\n".join(c.text for c in self.docs.chunks(ids=ids)), ordinary)):
                found.append(form)
        return found

    def _sibling_passages(self, hits: list[Hit], articles: int = 2) -> list[Hit]:
        """Return the other passages of the top retrieved articles, ranked after every retrieved one: the answer may
        sit in a passage of the right article that retrieval did not rank ("Bought for £47.2m, Onana arrived ...")."""
        from .retrieval.retriever import to_hit

        top = list(dict.fromkeys(h.article_id for h in hits))[:articles]
        have = {h.chunk_id for h in hits}
        floor = min((h.score for h in hits), default=0.0)
        return [to_hit(chunk, floor * 0.5) for chunk in self.docs.chunks(articles=top) if chunk.id not in have]

    def _time_words(self, question: str):
        """Return what the question's time words mean (None when it has none, or query understanding is off)."""
        if not self.settings.query_understanding:
            return None
        from .retrieval.timewords import read_time_words

        return read_time_words(question.strip(), self.docs.date_span()[1])

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

    def as_query_engine(self, k: int | None = None, **retrieve_filters):
        """Return this pipeline as a llama-index query engine: its Response text is our (verified) answer and its
        source nodes are the cited passages, each narrowed to the quoted sentence's span."""
        from .integrations.llama_index import NewsQueryEngine

        return NewsQueryEngine(self, k, **retrieve_filters)


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
