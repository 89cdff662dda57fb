"""A chat session over a Pipeline: background indexing with progress, follow-up rewriting, uploads."""

from __future__ import annotations

import logging
import re
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from ..errors import EmptyIndexError, IndexLockedError, RagError
from ..text import STOPWORDS
from ..answer.answerability import ordinary_words, person_like
from ..answer.reader import reader
from ..retrieval.analysis import find_names, is_keyword_query, question_kind
from ..retrieval.followup import PRONOUNS, elliptical, is_followup, rewrite_followup, with_answer
from ..pipeline import MAX_QUESTION_CHARS, Pipeline, Progress
from ..types import Answer, IndexStats
from .uploads import UploadResult, article_count, results_from_report, safe_file_name, save_upload

log = logging.getLogger(__name__)


_WORD = re.compile(r"[A-Za-z][\w'’-]+")
_MID_SENTENCE_NAME = re.compile(r"(?<=[a-z0-9,;:] )[A-Z][\w'’-]+")  # capitalised after a lower-case word: a name


def with_cited_names(query: str, answer: Answer) -> str | None:
    """Return the query with the words its answer's cited sentences write as names inside a sentence written so
    ("onana fee" -> "Onana fee"), or None when it has none or the answer is a refusal: a lower-case search-box
    query's names, for the follow-ups after it to carry."""
    words = {w.lower() for w in _WORD.findall(query)} - STOPWORDS
    named = {m.group(0).lower(): m.group(0) for m in _MID_SENTENCE_NAME.finditer(
        " ".join(c.quote for c in answer.citations))}
    if answer.refused or not words & set(named):
        return None
    return " ".join(named.get(w.lower(), w) for w in query.split())


def answered_person(question: str, short: str | None) -> str | None:
    """Return the direct answer when it names a person a "who" question asked for, else None."""
    if short and question_kind(question) == "person" and find_names(short) == [short] and person_like(short):
        return short
    return None


def _typed_lower(question: str) -> bool:
    """Return True for a question typed all in lower case that refers back to nothing by a pronoun: its names may be
    its own ("what was sam bankman-fried found guilty of?"), which the name finder cannot see without capitals."""
    words = set(_WORD.findall(question.lower()))
    return question == question.lower() and not words & PRONOUNS


@dataclass(frozen=True)
class IndexingStatus:
    """Where the background indexing is: stage starting | model | read | chunk | keyword | embed | done | failed.

    done / total count the stage's own unit: files (read), articles (chunk), passages (keyword, embed).
    keyword_ready: BM25 covers every article read so far in this run (questions no longer wait).
    """

    running: bool = False
    stage: str = "idle"
    done: int = 0
    total: int = 0
    error: str = ""
    summary: str = ""
    failed: tuple[tuple[str, str], ...] = ()
    started: float = 0.0
    articles: int = 0
    keyword_ready: bool = False

    @property
    def fraction(self) -> float:
        """Return the share of the current stage that is done (0..1)."""
        return self.done / self.total if self.total else 0.0


@dataclass
class ChatReply:
    """One answered turn: the question, the query actually searched, the Answer (or an error) and notes."""

    question: str
    query: str
    answer: Answer | None = None
    error: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def rewritten(self) -> bool:
        """Return True when the follow-up was rewritten with the conversation."""
        return self.query != " ".join(self.question.split())

    @property
    def context(self) -> str:
        """Return the query as the follow-ups after this turn read it: with the person the answer named, when a "who"
        question was answered with one ("and who replaced her?" is about the answer, Mira Murati)."""
        short = self.answer.short if self.answer is not None and not self.answer.refused else None
        return with_answer(self.query, answered_person(self.query, short))


def _filter_words(sources: list[str] | None, since, until) -> str:
    """Return the active filters in words: "articles from WION published from 2023-11-01 until 2023-11-30"."""
    words = "articles"
    if sources:
        words += f" from {' or '.join(sources)}"
    if since and until:
        words += f" published from {since} until {until}"
    elif since or until:
        words += f" published {'from' if since else 'until'} {since or until}"
    return words


class ChatService:
    """Answers questions while the corpus is indexed in a background thread: questions wait for the first keyword
    index over every article, then answer from BM25 while passages are embedded; uploads are stored and keyword
    indexed at once (also during the first indexing) and embedded by the same background work."""

    def __init__(self, pipeline: Pipeline):
        self.pipeline = pipeline
        self._ingest_lock = threading.Lock()  # the corpus indexing, uploads and embedding batches take turns
        self._status_lock = threading.Lock()
        self._status = IndexingStatus()
        self._thread: threading.Thread | None = None
        self._keyword_ready = threading.Event()
        self._embedding = False  # a thread is embedding pending passages (guarded by _status_lock)
        self._embed_requested = False

    # -- indexing ------------------------------------------------------------------------------------------
    @property
    def status(self) -> IndexingStatus:
        """The current indexing status (a snapshot)."""
        with self._status_lock:
            return self._status

    def _set_status(self, **changes) -> None:
        with self._status_lock:
            self._status = replace(self._status, **changes)

    def start_indexing(self) -> threading.Thread:
        """Start ingesting corpus_dir in the background (unchanged articles are skipped); return the thread."""
        if self._index_is_complete():
            self._keyword_ready.set()  # a later start: answer from the saved index at once
        self._set_status(running=True, stage="starting", done=0, total=0, error="", started=time.time(),
                         keyword_ready=self._keyword_ready.is_set())
        with self._status_lock:
            self._embedding = True
        self._thread = threading.Thread(target=self._index_corpus, name="newsrag-indexing", daemon=True)
        self._thread.start()
        return self._thread

    def _index_is_complete(self) -> bool:
        """Return True when the index holds articles and a saved BM25 index of its current generation."""
        try:
            self.pipeline.stats()
        except EmptyIndexError:
            return False
        from ..index.lexical import LexicalIndex

        directory = self.pipeline.settings.index_dir / "bm25"
        return LexicalIndex.load(directory, self.pipeline.docs.generation) is not None

    def wait_for_indexing(self, timeout: float | None = None) -> IndexingStatus:
        """Block until the background indexing (and embedding) ends (or timeout); return the status."""
        if self._thread is not None:
            self._thread.join(timeout)
        return self.status

    def _index_corpus(self) -> None:
        corpus = self.pipeline.settings.corpus_dir
        try:
            with self._ingest_lock:
                if not Path(corpus).exists():
                    raise RagError(f"The corpus directory {corpus} does not exist. Set RAG_CORPUS_DIR to your "
                                   "articles, or upload files in the app.")
                # The first answer needs the keyword index and the model. A first start exports the model to ONNX
                # (cached in model_cache_dir) in another process while this one reads and indexes the articles;
                # later starts load the cached export in about a second.
                started = time.perf_counter()
                embedder = self.pipeline.embedder

                def load_model() -> None:  # after an export in the background, this waits for it
                    self._set_status(stage="model")
                    embedder.encode(["warm up"])
                    log.info("model loaded %.1f s after the start", time.perf_counter() - started)
                    threading.Thread(target=reader, name="reader-warm-up", daemon=True).start()  # (the first answer
                    # would otherwise wait for it)

                exporting = hasattr(embedder, "export_in_background") and embedder.export_in_background()
                if not exporting:
                    load_model()
                report = self.pipeline.ingest(corpus, progress=self._on_progress, embed=False)
                if exporting:
                    load_model()
            self._mark_keyword_ready()
            report.chunks_embedded = self._embed_pending()
            log.info("indexing %s done: %s", corpus, report.summary())
            self._set_status(running=False, stage="done", summary=report.summary(), failed=tuple(report.failed))
        except RagError as exc:
            log.error("indexing %s failed: %s", corpus, exc)
            self._fail(str(exc))
        except Exception as exc:  # a background thread has no caller: record the failure for the page, then log it
            log.exception("indexing %s crashed", corpus)
            self._fail(f"Indexing stopped: {exc}. Finished work is kept; restart the app to resume.")

    def _fail(self, error: str) -> None:
        with self._status_lock:
            self._embedding = False
        self._mark_keyword_ready()  # nothing more is coming: waiting questions answer from what is there
        self._set_status(running=False, stage="failed", error=error)

    def _mark_keyword_ready(self) -> None:
        self._keyword_ready.set()
        self._set_status(keyword_ready=True)

    def _embed_pending(self) -> int:
        """Embed every passage without a vector, batch by batch (uploads may land between batches, and are
        embedded in the same run); return how many were embedded."""
        embedded = 0
        while True:
            with self._status_lock:
                self._embed_requested = False
            embedded += self.pipeline.sync_vectors(self._on_progress, hold=self._hold_index)
            self.pipeline.sync_sentences(self._on_progress, hold=self._hold_index)
            with self._status_lock:
                if not self._embed_requested:
                    self._embedding = False
                    return embedded

    @contextmanager
    def _hold_index(self):
        with self._ingest_lock, self.pipeline.write_lock():
            yield

    def _on_progress(self, stage: str, done: int, total: int) -> None:
        changes = {"stage": stage, "done": done, "total": total}
        if stage == "chunk":
            changes["articles"] = total
        self._set_status(**changes)

    def indexing_note(self) -> str:
        """Return the answer-footer note while indexing runs ('' once it is done)."""
        status = self.status
        if not status.running:
            return ""
        if status.stage == "sentences":
            return ""  # every passage is searched; only speed is still to come
        if status.stage == "embed":
            return (f"Indexing is still running ({status.done:,} of {status.total:,} new passages embedded): keyword "
                    "search covers every article, semantic search only the passages embedded so far.")
        if status.keyword_ready:
            return "Indexing is still running: keyword search covers every article, semantic search joins later."
        return "Indexing is still running: this answer comes from the articles indexed so far."

    # -- questions -----------------------------------------------------------------------------------------
    def ask(self, question: str, previous: list[str] | None = None, sources: list[str] | None = None,
            since: date | str | None = None, until: date | str | None = None) -> ChatReply:
        """Return the reply to a chat question; follow-ups are rewritten with the earlier queries first."""
        *_, reply = self.ask_stream(question, previous, sources, since, until, stream=False)
        return reply

    def standalone_query(self, question: str, previous: list[str]) -> str:
        """Return the question to search: a follow-up condensed by the LLM when one is configured, else rewritten
        with the conversation's names by rule (also when the LLM fails)."""
        question = " ".join((question or "").split())
        previous = [p for p in previous if len(p) <= MAX_QUESTION_CHARS]  # an earlier message too long to have
        # been a question names nothing to carry (a short follow-up after one was refused as that long)
        if previous and is_followup(question, ordinary_words()) and self.pipeline.llm_enabled:
            condensed = self.pipeline.condense(question, previous)
            if condensed:
                return condensed
        return rewrite_followup(question, previous, ordinary_words())

    def ask_stream(self, question: str, previous: list[str] | None = None, sources: list[str] | None = None,
                   since: date | str | None = None, until: date | str | None = None, stream: bool = True):
        """Yield the pipeline's StreamEvents for a chat question (tokens, verified sentences), then the ChatReply."""
        query = self.standalone_query(question or "", previous or [])
        reply = ChatReply(question=question or "", query=query)
        waited = self._wait_for_keyword_index()
        if waited >= 0.5:
            reply.notes.append(f"Waited {waited:.0f} s for the keyword index over every article.")
        try:
            # "onana fee" after questions about Amazon: a search-box query that may name a topic of its own (and
            # "what was sam bankman-fried found guilty of?", a question typed in lower case), asked as typed first
            typed = self._as_typed(reply.question, sources, since, until) if reply.rewritten and (
                is_keyword_query(reply.question) or _typed_lower(reply.question)) else None
            if typed is not None and (named := with_cited_names(reply.question, typed)) is not None:
                reply.query, reply.answer = named, typed
                reply.notes.append("Read as a new question: it names a topic of its own.")
            else:
                for event in self.pipeline.ask_stream(query, sources=sources or None, since=since or None,
                                                      until=until or None, stream=stream):
                    if event.kind == "answer":
                        reply.answer = event.answer
                    else:
                        yield event
                if typed is not None and not typed.refused and reply.answer is not None and reply.answer.refused \
                        and not elliptical(reply.question):
                    # "how many died in the earthquake in morocco?" after questions about FTX: the articles say nothing
                    # of it with the conversation's names, and answer it as typed ("and in the third quarter?" cannot
                    # stand alone: its refusal stands)
                    reply.query, reply.answer = reply.question, typed
                    reply.notes.append("Read as a new question: as a follow-up the articles do not answer it.")
        except EmptyIndexError as exc:
            reply.error = ("No articles are indexed yet: indexing has just started. Ask again in a few seconds."
                           if self.status.running else str(exc))
        except RagError as exc:
            reply.error = str(exc)
        if not reply.rewritten and reply.answer is not None and (
                is_keyword_query(reply.question) or _typed_lower(reply.question)):
            reply.query = with_cited_names(reply.query, reply.answer) or reply.query  # "sumy death toll" and "what
            # was sam bankman-fried found guilty of?": their names, for the follow-ups ("and in Kryvyi Rig?")
        if reply.answer is not None and reply.answer.refused and (sources or since or until):
            reply.notes.append(f"Only {_filter_words(sources, since, until)} were searched; the answer may be in "
                               "others.")
        if unknown := self._unknown_sources(sources):
            reply.notes.append(f"No indexed article is from {', '.join(map(repr, unknown))}; the filter keeps only the "
                               "outlets the Sources list offers.")
        note = self.indexing_note()
        if note:
            reply.notes.append(note)
        if reply.answer is not None and reply.answer.note:
            reply.notes.append(reply.answer.note)
        yield reply

    def _unknown_sources(self, sources: list[str] | None) -> list[str]:
        """Return the outlets of a source filter that no indexed article has ([] while there is no index)."""
        try:
            return self.pipeline.unknown_sources(sources)
        except RagError:
            return []

    def _as_typed(self, question: str, sources, since, until) -> Answer | None:
        """Return the answer to a follow-up asked as it stands, without the conversation (None on an error): it is
        taken when its cited sentences name the query's words ("onana fee": "Onana fee"), or when the follow-up
        reading is refused."""
        try:
            return self.pipeline.ask(question, sources=sources or None, since=since or None, until=until or None)
        except RagError:
            return None

    def _wait_for_keyword_index(self) -> float:
        """Block until BM25 covers every article of the running first indexing (bounded); return seconds waited."""
        if self._keyword_ready.is_set() or not self.status.running:
            return 0.0
        started = time.perf_counter()
        self._keyword_ready.wait(self.pipeline.settings.app_keyword_wait_s)
        return time.perf_counter() - started

    def stats(self) -> IndexStats | None:
        """Return what the index holds, or None while it holds nothing yet."""
        try:
            return self.pipeline.stats()
        except EmptyIndexError:
            return None

    # -- uploads -------------------------------------------------------------------------------------------
    @property
    def upload_dir(self) -> Path:
        """Where uploaded files are kept: corpus_dir/uploads (and nowhere else)."""
        return Path(self.pipeline.settings.corpus_dir) / "uploads"

    def upload(self, files: list[tuple[str, Path]], progress: Progress | None = None) -> list[UploadResult]:
        """Save and ingest uploaded (original name, temp path) files; return one result per file, in order."""
        max_bytes = int(self.pipeline.settings.upload_max_mb * 1e6)
        limit, most = self.pipeline.settings.upload_max_files, self.pipeline.settings.upload_max_articles
        results: list[UploadResult | None] = []
        saved: list[tuple[int, str, Path]] = []
        articles = 0  # each is embedded in the background: an upload of thousands ties up the CPU for hours
        for number, (name, temp_path) in enumerate(files):
            if number >= limit:
                results.append(UploadResult(name, "failed", f"too many files in one upload (the limit is {limit}). "
                                                            "Upload the rest in another batch"))
                continue
            count = article_count(Path(temp_path), safe_file_name(name))
            if articles + count > most:
                results.append(UploadResult(name, "failed", (
                    f"it holds {count} articles and one upload takes at most {most} (upload_max_articles). Split "
                    "it, upload the rest in another batch, or ingest it with `rag ingest PATH`")))
                continue
            articles += count
            path, reason = save_upload(Path(temp_path), name, self.upload_dir, max_bytes)
            results.append(UploadResult(name, "failed", reason) if path is None else None)
            if path is not None:
                saved.append((number, name, path))
        if saved:
            for (number, _, _), result in zip(saved, self._ingest_uploads(saved, progress)):
                results[number] = result
        return results

    def _ingest_uploads(self, saved: list[tuple[int, str, Path]], progress: Progress | None) -> list[UploadResult]:
        """Store and keyword-index the saved files at once (between the corpus indexing's steps if it runs); their
        passages are embedded in the background."""
        try:
            with self._ingest_lock:
                report = self.pipeline.ingest(*(path for _, _, path in saved), progress=progress, embed=False)
        except IndexLockedError as exc:  # the file stays saved: the next indexing of the corpus reads it
            return [UploadResult(name, "failed", f"{exc} The file is saved and is indexed on the app's next start.",
                                 str(path)) for _, name, path in saved]
        self._request_embedding()
        return results_from_report([(name, path) for _, name, path in saved], report,
                                   self.pipeline.docs.article_ids_for_path)

    def _request_embedding(self) -> None:
        """Make sure pending passages get embedded: the running embedding picks them up, or a new thread starts."""
        with self._status_lock:
            self._embed_requested = True
            if self._embedding:
                return
            self._embedding = True
        self._set_status(running=True, stage="embed", done=0, total=0)
        self._thread = threading.Thread(target=self._embed_uploads, name="newsrag-embedding", daemon=True)
        self._thread.start()

    def _embed_uploads(self) -> None:
        try:
            embedded = self._embed_pending()
            self._set_status(running=False, stage="done", summary=f"{embedded} uploaded passages embedded")
        except Exception as exc:  # a background thread has no caller: record the failure for the page, then log it
            log.exception("embedding uploaded passages crashed")
            self._fail(f"Embedding uploads stopped: {exc}. Keyword search still covers them; restart the app to "
                       "embed them.")
