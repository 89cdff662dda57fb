"""The data that flows between stages: Article -> Chunk -> Hit -> Citation / Answer."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class Article:
    """A cleaned news article, ready to chunk."""

    id: str
    title: str
    body: str
    source: str = ""
    published: date | None = None
    url: str = ""
    author: str = ""
    category: str = ""
    path: str = ""
    content_hash: str = ""


@dataclass(kw_only=True)
class ArticleRef:
    """Which article a passage comes from: the fields every Chunk, Hit and Citation carries, defined once."""

    article_id: str
    title: str
    source: str = ""
    published: date | None = None
    url: str = ""

    @property
    def uploaded(self) -> bool:
        """True for an article added through the app's upload box (ids "u-..."): its outlet and date are what the
        uploader wrote, not the corpus's."""
        return self.article_id.startswith(UPLOAD_PREFIX)

    def article_ref(self) -> dict:
        """Return the article fields as keyword arguments, to build another ArticleRef type from this one."""
        return {name: getattr(self, name) for name in ARTICLE_FIELDS}


UPLOAD_PREFIX = "u-"  # the article id prefix of uploads (readers.assign_ids)
ARTICLE_FIELDS = ("article_id", "title", "source", "published", "url")


@dataclass(kw_only=True)
class Chunk(ArticleRef):
    """A span of an article's cleaned body, with the article's metadata carried along."""

    id: str
    text: str
    start: int
    end: int
    position: int = 0

    @property
    def indexed_text(self) -> str:
        """Text given to BM25 and the embedder: metadata prefix (questions name outlets and dates) + chunk."""
        when = self.published.isoformat() if self.published else "unknown date"
        return f"{self.title}\n{self.source}, {when}\n{self.text}"


@dataclass(kw_only=True)
class Hit(ArticleRef):
    """A retrieved chunk and its score."""

    text: str
    score: float
    start: int
    end: int
    chunk_id: str = ""


@dataclass(kw_only=True)
class Citation(ArticleRef):
    """A numbered, verified passage that supports a sentence of an answer: the quote and its span in the article."""

    n: int
    quote: str
    start: int
    end: int
    score: float
    passage: str = ""


@dataclass
class DroppedSentence:
    """A generated sentence that verification did not keep (or kept marked as unsupported), and why."""

    text: str
    reason: str
    cited: list[int] = field(default_factory=list)  # the passage numbers the model gave it
    shown: bool = False  # True when the answer shows it marked unsupported (llm_unsupported = "mark")


@dataclass
class Answer:
    """What `Pipeline.ask` returns: cited text, or a refusal with no citations."""

    question: str
    text: str
    refused: bool
    citations: list[Citation] = field(default_factory=list)
    short: str | None = None  # the direct answer alone: the extracted span, "Yes"/"No", "before"/"after"; or None
    related: list[Hit] = field(default_factory=list)  # with a refusal: the closest passages, as reading, not citations
    hits: list[Hit] = field(default_factory=list)
    support: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)
    note: str = ""
    backend: str = "extractive"  # who wrote the text: "extractive", or "openai:<model>" / "local:<file>" / "llama-index:<class>"
    dropped: list[DroppedSentence] = field(default_factory=list)  # generated sentences verification did not keep


@dataclass
class IngestReport:
    """What an ingest did: article ids added / updated / skipped / removed, and (path, reason) failures."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    chunks_embedded: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        """One line for people: counts of each outcome."""
        return (
            f"{len(self.added)} added, {len(self.updated)} updated, {len(self.skipped)} unchanged, "
            f"{len(self.removed)} removed, {len(self.failed)} failed; "
            f"{self.chunks_embedded} chunks embedded in {self.seconds:.1f}s"
        )

    def __str__(self) -> str:
        """The summary line, then each failed file with its reason (the first 10, and how many more)."""
        lines = [self.summary()]
        lines += [f"  failed: {path}: {reason}" for path, reason in self.failed[:10]]
        if len(self.failed) > 10:
            lines.append(f"  ... and {len(self.failed) - 10} more failed")
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"IngestReport({self.summary()})"


@dataclass
class IndexStats:
    """What the index holds."""

    articles: int
    chunks: int
    embedded_chunks: int
    sources: list[str]
    first_published: date | None
    last_published: date | None
    model: str
    index_dir: str


@dataclass
class Verdict:
    """Whether a passage supports a sentence: the decision, a score in [0, 1], and why not when it fails."""

    supported: bool
    score: float
    reasons: list[str] = field(default_factory=list)
    evidence: str = ""  # the passage sentence(s) that best match the sentence
