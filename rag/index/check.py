"""`rag check [--repair]`: verify that the docstore, the BM25 index and the Chroma vectors agree, and fix what we can."""

from __future__ import annotations

import logging
import statistics
from dataclasses import dataclass, field

from ..errors import IndexMismatchError
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
    return report


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
        report.problems.append(Problem("BM25 index missing or older than the docstore", ["bm25"], "rebuilt"))
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
    if missing := sorted(wanted - stored):
        report.problems.append(Problem("chunks without a vector", missing, "embedded"))
    if orphans := sorted(stored - wanted):
        report.problems.append(Problem("vectors of chunks the docstore does not hold", orphans, "deleted"))
    owner = report.model.get("index_id")
    if owner and pipeline.docs.index_id and owner != pipeline.docs.index_id:
        report.problems.append(Problem("collection owned by another index", [owner]))


def repair_index(pipeline, progress=None) -> CheckReport:
    """Fix what check_index finds (docstore first, then BM25, then vectors); return the check after repair."""
    with pipeline.write_lock():
        before = check_index(pipeline)
        docs = pipeline.docs
        for problem in before.problems:
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
            before.repaired.append(f"{len(problem.ids)} {problem.name} {problem.repair}")
        if any(p.name.startswith("BM25 entries") for p in before.problems):
            with docs.transaction():
                pass  # a new docstore generation: the saved BM25 index is stale and is rebuilt below
        pipeline.build_lexical()  # rebuilds and saves BM25 for the current docstore generation if it is missing
        if not any(p.name.startswith("model/chunking") or p.name.startswith("collection owned") for p in before.problems):
            embedded = pipeline.sync_vectors(progress)
            if embedded:
                before.repaired.append(f"{embedded} chunks embedded")
    after = check_index(pipeline)
    after.repaired = before.repaired
    return after


def _rechunk(pipeline, article_ids: list[str]) -> None:
    settings = pipeline.settings
    for article_id in article_ids:
        article = pipeline.docs.article(article_id)
        paths = pipeline.docs.paths_for_article(article_id)
        if article is None or not paths:
            continue  # deleted by an earlier repair step
        article.path = paths[0]
        pipeline.docs.put_article(article, chunk_article(article, settings.chunk_size, settings.chunk_overlap))
