"""The ONNX export cached on disk: written once, atomically, keyed by the model's files and the exporter; a later
process loads it without importing torch and gets the vectors torch gives."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from rag.index import embed, onnx_cache
from rag.index.embed import BundledEmbedder

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]
TEXTS = ["Which Ukrainian city did Rutte visit?", "The central bank raised rates by 25 basis points.", ""]
LOAD_FROM_CACHE = """import json, sys, time
from pathlib import Path
from rag.index.embed import BundledEmbedder
started = time.perf_counter()
embedder = BundledEmbedder(cache_dir=Path(sys.argv[1]))
vectors = embedder.encode(json.loads(sys.argv[2]))
print(json.dumps({"torch": "torch" in sys.modules, "sentence_transformers": "sentence_transformers" in sys.modules,
                  "seconds": time.perf_counter() - started, "vectors": vectors.tolist()}))
"""


@pytest.fixture(scope="module")
def cache(tmp_path_factory, bundled_embedder) -> Path:
    """A cache directory holding one real export (made with the session's loaded model)."""
    directory = tmp_path_factory.mktemp("onnx-cache")
    exporter = BundledEmbedder(cache_dir=directory)
    exporter._model = bundled_embedder.model  # share the loaded weights; the export itself is real
    assert exporter.onnx is not None
    return directory


def test_export_writes_one_complete_entry_keyed_by_the_model(cache):
    key = onnx_cache.cache_key(BundledEmbedder.model_dir())
    entries = [p for p in cache.iterdir()]
    assert [p.name for p in entries] == [key]  # no leftover staging directories
    meta = json.loads((cache / key / "meta.json").read_text())
    assert meta["max_tokens"] == 256 and meta["agreement"] >= 0.9999 and meta["format"] == onnx_cache.EXPORT_FORMAT
    assert (cache / key / "model.onnx").stat().st_size > 50e6


def test_a_fresh_process_loads_the_cache_without_torch_and_matches_torch(cache, bundled_embedder):
    out = subprocess.run([sys.executable, "-c", LOAD_FROM_CACHE, str(cache), json.dumps(TEXTS)], cwd=REPO,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert result["torch"] is False and result["sentence_transformers"] is False
    reference = bundled_embedder.model.encode(TEXTS, normalize_embeddings=True, convert_to_numpy=True)
    np.testing.assert_allclose((np.asarray(result["vectors"]) * reference).sum(axis=1), 1.0, atol=1e-4)
    print(f"cached ONNX load + first encode in a fresh process: {result['seconds']:.2f} s")


def test_key_changes_with_a_model_file_and_the_exporter_version(tmp_path, monkeypatch):
    model = tmp_path / "model"
    shutil.copytree(BundledEmbedder.model_dir(), model, ignore=shutil.ignore_patterns("*.safetensors"))
    before = onnx_cache.cache_key(model)
    assert onnx_cache.cache_key(model) == before  # stable
    config = model / "config.json"
    config.write_text(config.read_text().replace("}", ', "x": 1}', 1))
    changed = onnx_cache.cache_key(model)
    assert changed != before
    monkeypatch.setattr(onnx_cache, "EXPORT_FORMAT", onnx_cache.EXPORT_FORMAT + 1)
    assert onnx_cache.cache_key(model) != changed


def test_a_damaged_entry_is_exported_again(tmp_path, bundled_embedder, cache, caplog):
    key = onnx_cache.cache_key(BundledEmbedder.model_dir())
    damaged = tmp_path / "cache"
    shutil.copytree(cache, damaged)
    (damaged / key / "model.onnx").write_bytes(b"not an onnx model")
    embedder = BundledEmbedder(cache_dir=damaged)
    embedder._model = bundled_embedder.model
    vectors = embedder.encode(TEXTS[:1])
    assert "does not load" in caplog.text
    np.testing.assert_allclose(vectors, bundled_embedder.encode(TEXTS[:1]), atol=1e-5)
    assert onnx_cache.load_cached(damaged, key).onnx_path.stat().st_size > 50e6  # replaced by the fresh export


def test_an_unwritable_cache_only_costs_speed(tmp_path, bundled_embedder, caplog):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache directory should be")
    embedder = BundledEmbedder(cache_dir=blocker / "onnx")
    embedder._model = bundled_embedder.model
    np.testing.assert_allclose(embedder.encode(TEXTS[:1]), bundled_embedder.encode(TEXTS[:1]), atol=1e-5)
    assert embedder.onnx is not None and "could not cache the ONNX export" in caplog.text


def test_export_is_what_fails_over_to_torch(bundled_embedder, monkeypatch, tmp_path):
    def broken(_model):
        raise RuntimeError("no exporter")

    monkeypatch.setattr(embed, "export_onnx", broken)
    embedder = BundledEmbedder(cache_dir=tmp_path / "empty")
    embedder._model = bundled_embedder.model
    assert embedder.onnx is None and not (tmp_path / "empty").exists()


def test_a_first_start_exports_in_another_process_and_the_first_encode_waits_for_it(tmp_path, cache):
    embedder = BundledEmbedder(cache_dir=tmp_path)
    assert embedder.export_in_background()  # no cached export yet: a child process makes one
    assert not embedder.export_in_background()  # one at a time
    vectors = embedder.encode(TEXTS[:2])  # waits for the child, then loads what it cached
    assert list(tmp_path.iterdir())  # the child cached its export
    assert embedder._model is None  # this process never loaded the torch model
    reference = BundledEmbedder(cache_dir=cache).encode(TEXTS[:2])
    assert np.allclose(vectors, reference, atol=1e-5)
    assert not BundledEmbedder(cache_dir=tmp_path).export_in_background()  # cached now: nothing to start


def test_the_int8_answer_encoder_is_made_once_cached_beside_the_export_and_close_to_the_full_vectors(cache):
    sentences = ["Which Ukrainian city did Rutte visit?", "NATO chief Mark Rutte visited Odesa on Tuesday.",
                 "The Federal Reserve held rates steady.", "Ruth Adeyemi was elected mayor of Kestrel Valley."]
    full = BundledEmbedder(cache_dir=cache)
    fast = BundledEmbedder(cache_dir=cache, answer_encoder="int8")
    reference, quick = full.encode_sentences(sentences), fast.encode_sentences(sentences)
    assert np.allclose(reference, full.encode(sentences))  # "full": the answer layer uses the full model
    assert not np.allclose(quick, reference)  # a different (quantised) graph ...
    assert float((quick * reference).sum(axis=1).min()) > 0.97  # ... giving nearly the same vectors
    assert np.argmax(quick[1:] @ quick[0]) == np.argmax(reference[1:] @ reference[0]) == 0  # same nearest sentence
    entry = next(p for p in cache.iterdir() if (p / onnx_cache.INT8_FILE).exists())
    made = (entry / onnx_cache.INT8_FILE).stat().st_mtime_ns
    again = BundledEmbedder(cache_dir=cache, answer_encoder="int8")
    assert np.allclose(again.encode_sentences(sentences), quick, atol=1e-6)  # read from the cache, not remade
    assert (entry / onnx_cache.INT8_FILE).stat().st_mtime_ns == made
