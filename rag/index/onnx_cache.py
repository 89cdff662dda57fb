"""The exported ONNX copy of the embedding model, cached on disk so later processes skip torch and the export.

A cache entry is a directory named by a key over the model's files (their SHA-256) and the versions of what
exported it (torch, onnx, our export code), so a changed model or exporter gets a fresh export and stale entries
are never read. Entries are written into a temporary directory and renamed into place: a reader sees a complete
entry or none, and two processes exporting at once both end with one good entry."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

log = logging.getLogger(__name__)

EXPORT_FORMAT = 1  # bump when rag.index.embed.export_onnx changes what it writes
MODEL_FILE, TOKENIZER_FILE, META_FILE = "model.onnx", "tokenizer.json", "meta.json"
INT8_FILE = "model.int8.onnx"  # the answer layer's quantised copy, made from MODEL_FILE on first use


@dataclass
class CachedModel:
    """What an ONNX encoder needs, without torch: the graph, the tokenizer and the model's token limit."""

    onnx_path: Path
    tokenizer_json: str
    max_tokens: int


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "absent"


def cache_key(model_dir: Path) -> str:
    """Return the cache key of a model directory: its files' hashes plus the exporter's versions."""
    digest = hashlib.sha256(f"format={EXPORT_FORMAT};torch={_version('torch')};onnx={_version('onnx')}".encode())
    for path in sorted(p for p in model_dir.rglob("*") if p.is_file()):
        with path.open("rb") as handle:
            file_hash = hashlib.file_digest(handle, "sha256").hexdigest()
        digest.update(f"{path.relative_to(model_dir).as_posix()}={file_hash};".encode())
    return digest.hexdigest()[:32]


def load_cached(cache_dir: Path, key: str) -> CachedModel | None:
    """Return the cached export for key, or None when there is none (or it is unreadable: it is re-exported)."""
    entry = cache_dir / key
    try:
        meta = json.loads((entry / META_FILE).read_text(encoding="utf-8"))
        return CachedModel(entry / MODEL_FILE, (entry / TOKENIZER_FILE).read_text(encoding="utf-8"),
                           int(meta["max_tokens"]))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError) as error:
        log.warning("ignoring the unreadable ONNX cache entry %s (%s); exporting again", entry, error)
        discard(cache_dir, key)
        return None


def discard(cache_dir: Path, key: str) -> None:
    """Remove a damaged entry, so the next export can take its place."""
    shutil.rmtree(cache_dir / key, ignore_errors=True)


def save_cached(cache_dir: Path, key: str, onnx_model: bytes, tokenizer_json: str, meta: dict) -> Path | None:
    """Write an entry atomically and return its directory; None (logged) when the cache directory is not writable,
    since a cache that cannot be written only costs the next start its speed."""
    entry = cache_dir / key
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{key}-", dir=cache_dir))
        (staging / MODEL_FILE).write_bytes(onnx_model)
        (staging / TOKENIZER_FILE).write_text(tokenizer_json, encoding="utf-8")
        (staging / META_FILE).write_text(json.dumps(meta, indent=2), encoding="utf-8")  # last: marks it complete
        try:
            os.replace(staging, entry)
        except OSError:  # another process renamed its copy first; keep that one
            shutil.rmtree(staging, ignore_errors=True)
        return entry
    except OSError as error:
        log.warning("could not cache the ONNX export in %s (%s); the next start exports again", cache_dir, error)
        return None


def save_file(target: Path, data: bytes) -> None:
    """Write one more file into an entry atomically (a temporary name renamed into place); a failure is logged."""
    try:
        staging = target.with_name(f".{target.name}.{os.getpid()}")
        staging.write_bytes(data)
        os.replace(staging, target)
    except OSError as error:
        log.warning("could not cache %s (%s); it is made again at the next start", target, error)
