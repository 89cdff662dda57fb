"""newsrag: offline question answering over news, every claim with a verified citation.

    from rag import Pipeline
    rag = Pipeline()
    rag.ingest("corpus/")
    print(rag.ask("Which Ukrainian city did Rutte visit?").text)
"""

from .config import Settings
from .errors import EmptyIndexError, IndexLockedError, IndexMismatchError, QuestionError, RagError
from .pipeline import Pipeline
from .types import Answer, Article, Citation, Hit, IndexStats, IngestReport
from .version import __version__

__all__ = [
    "Answer", "Article", "Citation", "EmptyIndexError", "Hit", "IndexLockedError", "IndexMismatchError",
    "IndexStats", "IngestReport", "Pipeline", "QuestionError", "RagError", "Settings", "__version__",
]
