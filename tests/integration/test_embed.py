"""The bundled encoder's two backends, the ONNX export (default) and torch, must give the same vectors."""

from __future__ import annotations

import logging

import numpy as np
import pytest

from rag.index import embed
from rag.index.embed import BundledEmbedder

pytestmark = pytest.mark.slow

TEXTS = [
    "Which Ukrainian city did Rutte visit?",
    "Did the TechCrunch article report that OpenAI fired Sam Altman, while The Verge said the board had not decided?",
    "Café owners in Zürich — naïve “quotes” and emoji 🚀 too",
    "",
    "inflation " * 400,  # longer than the model's 256 tokens: truncated the same way on both paths
]


def torch_vectors(embedder: BundledEmbedder, texts: list[str]) -> np.ndarray:
    return embedder.model.encode(texts, normalize_embeddings=True, convert_to_numpy=True)


def test_onnx_vectors_match_torch(bundled_embedder):
    assert bundled_embedder.onnx is not None, "the ONNX export failed on this machine"
    texts = TEXTS + [f"Chunk {n}: the central bank raised rates by {n} basis points, citing inflation." for n in range(70)]
    fast = bundled_embedder.encode(texts)
    assert fast.shape == (len(texts), 384) and fast.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(fast, axis=1), 1.0, atol=1e-5)
    np.testing.assert_allclose((fast * torch_vectors(bundled_embedder, texts)).sum(axis=1), 1.0, atol=1e-4)


def test_torch_backend_uses_sentence_transformers(bundled_embedder, monkeypatch):
    def refuse(*_):
        raise AssertionError("the ONNX path was used")

    monkeypatch.setattr(embed.OnnxEncoder, "encode_one", refuse)
    torch_only = BundledEmbedder(backend="torch")
    torch_only._model = bundled_embedder.model  # share the loaded weights
    assert torch_only.onnx is None
    np.testing.assert_allclose(torch_only.encode(TEXTS[:2]), torch_vectors(bundled_embedder, TEXTS[:2]), atol=1e-6)


def test_failed_export_falls_back_to_torch_with_a_warning(bundled_embedder, monkeypatch, caplog):
    def broken(_model):
        raise RuntimeError("onnx is not installed")

    monkeypatch.setattr(embed, "export_onnx", broken)
    fallback = BundledEmbedder()
    fallback._model = bundled_embedder.model
    with caplog.at_level(logging.WARNING, logger="rag.index.embed"):
        vectors = fallback.encode(TEXTS[:2])
    assert fallback.onnx is None
    assert "ONNX encoder unavailable" in caplog.text and "onnx is not installed" in caplog.text
    np.testing.assert_allclose(vectors, torch_vectors(bundled_embedder, TEXTS[:2]), atol=1e-6)
