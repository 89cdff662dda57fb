"""`rag check [--repair]`: verify that the docstore, the BM25 index and the Chroma vectors agree, and fix what we can."""

from __future__ import annotations

import logging
import statistics
from dataclasses import dataclass, field

from ..errors import IndexMismatchError, RagError
from ..ingest.chunking import chunk_article
from .lexical import LexicalIndex

log = logging.getLogger(__name__)

@dataclass
class Problem:
    """One kind of inconsistency: how many items, a few examples, and whether `--repair` fixes it."""

    name: str
    ids: list[str]
    repair: str = ""

    def line(self) -> str:
        """One line for people."""
        examples = ", ".join(self.ids[:3]) + (" ..." if len(self.ids) > 3 else "")
        fix = f" -> repair: {self.repair}" if self.repair else " -> not repairable here"
        return f"{len(self.ids)} {self.name} ({examples}){fix}"


@dataclass
class CheckReport:
    """What `check_index` found: counts, per-article chunk statistics, and problems (empty when consistent)."""

    articles: int = 0
    chunks: int = 0
    vectors: int = 0
    bm25_chunks: int = 0
    chunks_per_article: dict[str, float] = field(default_factory=dict)
    model: dict = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)
    planned: list[str] = field(default_factory=list)  # a dry run: what `--repair --yes` would do

    @property
    def ok(self) -> bool:
        """True when docstore, BM25 and Chroma agree and the model metadata matches the settings."""
        return not self.problems

    def summary(self) -> str:
        """A few lines for people."""
        lines = [f"articles: {self.articles}, chunks: {self.chunks}, vectors: {self.vectors}, "
                 f"BM25 chunks: {self.bm25_chunks}", f"chunks per article: {self.chunks_per_article}",
                 f"collection metadata: {self.model}"]
        lines += [f"repaired: {r}" for r in self.repaired]
        lines += [f"would repair: {p}" for p in self.planned]
        lines += [f"PROBLEM: {p.line()}" for p in self.problems] or ["index is consistent"]
        return "\n".join(lines)


def check_index(pipeline) -> CheckReport:
    """Return what the index holds and every inconsistency between docstore, BM25 and Chroma."""
    docs = pipeline.docs
    report = CheckReport()
    report.articles, report.chunks = docs.counts()
    per_article = docs.chunks_per_article()
    if per_article:
        report.chunks_per_article = {"min": min(per_article), "median": statistics.median(per_article),
                                     "max": max(per_article)}
    for name, (ids, repair) in docs.integrity_problems().items():
        report.problems.append(Problem(name, ids, repair))
    if bad := _misplaced_chunks(docs):
        report.problems.append(Problem("articles whose chunks do not match their text", bad, "re-chunked"))
    wanted = docs.chunk_ids()
    _check_bm25(pipeline, wanted, report)
    _check_vectors(pipeline, wanted, report)
    _check_sentences(pipeline, wanted, report)
    return report


def _check_sentences(pipeline, wanted: set[str], report: CheckReport) -> None:
    """The answer sentences of every passage should be stored (sentences.sqlite; an ingest killed while storing them
    leaves some passages without): answers still work, encoding those sentences per question, but slower."""
    store = pipeline.sentence_encoder.store
    if store is None or not store.usable or store.read_only:
        return
    if missing := sorted(wanted - store.covered()):
        report.problems.append(Problem("passages without stored answer-sentence vectors", missing, "encoded"))


def _misplaced_chunks(docs) -> list[str]:
    """Return ids of articles whose chunks are not numbered 0..n-1 or whose text is not the body at their span."""
    bad = []
    rows = docs.chunk_layout()
    positions: dict[str, list[int]] = {}
    for article_id, position, start, end, text, body in rows:
        positions.setdefault(article_id, []).append(position)
        if body[start:end] != text and article_id not in bad:
            bad.append(article_id)
    bad += [a for a, found in positions.items() if found != list(range(len(found))) and a not in bad]
    return bad


def _check_bm25(pipeline, wanted: set[str], report: CheckReport) -> None:
    saved = LexicalIndex.load(pipeline.settings.index_dir / "bm25", pipeline.docs.generation)
    if saved is None:
        report.problems.append(Problem(
            "BM25 index missing, older than the docstore or tokenized by an older version", ["bm25"], "rebuilt"))
        return
    report.bm25_chunks = len(saved.ids)
    if set(saved.ids) != wanted or len(saved.ids) != len(wanted):
        report.problems.append(Problem("BM25 entries that disagree with the docstore",
                                       sorted(set(saved.ids) ^ wanted) or ["duplicates"], "rebuilt"))


def _check_vectors(pipeline, wanted: set[str], report: CheckReport) -> None:
    try:
        vectors = pipeline.vectors
    except IndexMismatchError as exc:
        report.problems.append(Problem(f"model/chunking mismatch: {exc}", ["collection"]))
        return
    report.model = vectors.metadata()
    stored = vectors.ids()
    report.vectors = len(stored)
    owner, mine = report.model.get("index_id"), pipeline.docs.index_id
    owned = mine is not None and owner == mine
    if missing := sorted(wanted - stored):
        report.problems.append(Problem("chunks without a vector", missing, "embedded" if owned or not stored else ""))
    if orphans := sorted(stored - wanted):
        # Deleting is only ever proposed for a collection that records this docstore as its owner.
        report.problems.append(Problem("vectors of chunks the docstore does not hold", orphans,
                                       "deleted" if owned else ""))
    if stored and not owned:
        report.problems.append(Problem(
            f"collection not proven to belong to this index (collection owner {owner or 'none'}, this index "
            f"{mine or 'none: new or empty docstore'}); its vectors are never deleted from here. Check "
            "RAG_INDEX_DIR / RAG_COLLECTION", [owner or "collection"]))


def repair_index(pipeline, progress=None, apply: bool = False) -> CheckReport:
    """Return what repair would do (apply=False, a dry run) or fix what check_index finds (docstore first, then
    BM25, then vectors) and return the check after repair. Refuses an empty docstore and a collection it does not
    own: nothing is deleted without proof that it is this index's own."""
    with pipeline.write_lock():
        articles, chunks = pipeline.docs.counts()  # a damaged docs.sqlite raises DocStoreCorruptError here
        if not articles and not chunks:
            raise RagError(f"The docstore {pipeline.settings.index_dir / 'docs.sqlite'} holds no articles, so every "
                           "vector would look like an orphan; nothing was repaired. Check RAG_INDEX_DIR (a typo?), "
                           "restore docs.sqlite from a backup, or rebuild with `rag ingest --rebuild PATH`.")
        before = check_index(pipeline)
        if not apply:
            before.planned = [f"{len(p.ids)} {p.name} {p.repair}" for p in before.problems if p.repair]
            return before
        _repair_docstore(pipeline, before)
        if any(p.name.startswith("BM25") for p in before.problems):
            with pipeline.docs.transaction():
                pass  # a new docstore generation: BM25 is rebuilt (and rewritten) below
            before.repaired.append("BM25 rebuilt")
        pipeline.build_lexical()
        if all(p.repair for p in before.problems if "vector" in p.name) and not any(
                p.name.startswith(("model/chunking", "collection not proven")) for p in before.problems):
            stored = pipeline.vectors.count()
            if not stored and not before.model.get("index_id"):  # a new, empty collection (chroma/ was lost): nothing
                pipeline.vectors.claim(pipeline._claim_index_id())  # in it is anyone's, so it becomes this index's
            embedded = pipeline.sync_vectors(progress)  # deletes orphans only after require_owner
            if embedded:
                before.repaired.append(f"{embedded} chunks embedded")
            if deleted := stored + embedded - pipeline.vectors.count():
                before.repaired.append(f"{deleted} orphan vectors deleted")
        if any(p.name.startswith("passages without stored answer-sentence") for p in before.problems) \
                and (covered := pipeline.sync_sentences(progress)):
            before.repaired.append(f"answer sentences of {covered} passages encoded")
    after = check_index(pipeline)
    after.repaired = before.repaired
    return after


def _repair_docstore(pipeline, report: CheckReport) -> None:
    docs = pipeline.docs
    for problem in report.problems:
        if problem.name == "chunks whose article is missing":
            docs.delete_chunks(problem.ids)
        elif problem.name in ("articles without chunks", "articles that no file holds"):
            docs.delete_articles(problem.ids)
        elif problem.name == "file links to missing articles":
            for link in problem.ids:
                path, article_id = link.rsplit("|", 1)
                docs.unlink(path, [article_id])
        elif problem.name == "articles whose chunks do not match their text":
            _rechunk(pipeline, problem.ids)
        else:
            continue
        report.repaired.append(f"{len(problem.ids)} {problem.name} {problem.repair}")


def _rechunk(pipeline, article_ids: list[str]) -> None:
    settings = pipeline.settings
    for article_id in article_ids:
        article = pipeline.docs.article(article_id)
        paths = pipeline.docs.paths_for_article(article_id)
        if article is None or not paths:
            continue  # deleted by an earlier repair step
        article.path = paths[0]
        pipeline.docs.put_article(article, chunk_article(article, settings.chunk_size, settings.chunk_overlap))
