"""Errors raised by newsrag; each message says what went wrong and what to do about it."""


class RagError(Exception):
    """Base class for every error newsrag raises on purpose."""


class ArticleError(RagError):
    """One input file (or one record in it) cannot be read as an article."""

    def __init__(self, path: str, reason: str, fix: str = "Fix the file or remove it; the other files are ingested."):
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}. {fix}")


class IndexMismatchError(RagError):
    """The index on disk was built with another embedding model or chunking."""


class IndexLockedError(RagError):
    """Another process is writing to the same embedded index."""


class EmptyIndexError(RagError):
    """A question was asked of an index that holds no articles."""


class QuestionError(RagError):
    """The question cannot be answered as given (empty, too long)."""


class DocStoreCorruptError(RagError):
    """docs.sqlite is damaged (not a database, malformed): restore a backup or rebuild from the corpus."""


class ConfigError(RagError):
    """A setting (RAG_* env var, rag.toml key or keyword) has a value it cannot take."""


class VectorStoreUnavailableError(RagError):
    """The Chroma server cannot be reached or did not answer in time."""


class LLMError(RagError):
    """A language model backend failed (server error, timeout, empty or malformed output) or is not set up."""
