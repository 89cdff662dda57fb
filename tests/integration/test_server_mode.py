"""Server mode for real: a `chroma run` process on a free loopback port, the bundled model, the seed articles."""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from rag import IndexMismatchError, Pipeline, RagError
from rag.index.check import check_index
from rag.bench.load import measure_load

pytestmark = pytest.mark.slow
QUESTIONS = ["Which Ukrainian city did Rutte visit?", "How many people were killed in the Sumy region?",
             "air defence systems", "Who won the 2022 World Cup?"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _chroma_cli() -> str:
    found = Path(sys.executable).with_name("chroma")
    return str(found) if found.exists() else shutil.which("chroma")


class ChromaServer:
    """A `chroma run` child process; start() waits for its heartbeat, stop() terminates it and waits."""

    def __init__(self, path: Path, port: int):
        self.path, self.port, self.process = path, port, None

    def start(self, timeout: float = 60) -> None:
        log = open(self.path.parent / f"chroma-{self.port}.log", "ab")
        self.process = subprocess.Popen([_chroma_cli(), "run", "--path", str(self.path), "--host", "127.0.0.1",
                                         "--port", str(self.port)], stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process.poll() is None, "chroma run exited at start"
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/api/v2/heartbeat", timeout=1)
                return
            except OSError:
                time.sleep(0.2)
        raise TimeoutError(f"chroma run did not answer on port {self.port}")

    def stop(self) -> int:
        self.process.terminate()
        try:
            return self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            return self.process.wait()


@pytest.fixture
def chroma_server(tmp_path):
    server = ChromaServer(tmp_path / "chroma-data", _free_port())
    server.start()
    yield server
    if server.process.poll() is None:
        server.stop()


@pytest.fixture
def both(tmp_path, chroma_server, bundled_embedder, seed_corpus):
    embedded = Pipeline(index_dir=tmp_path / "embedded", embedder=bundled_embedder)
    server = Pipeline(index_dir=tmp_path / "server", store="server", chroma_port=chroma_server.port,
                      embedder=bundled_embedder)
    for rag in (embedded, server):
        report = rag.ingest(seed_corpus)
        assert len(report.added) == 2 and report.failed == []
    return embedded, server


def test_server_mode_gives_the_same_hits_and_answers_as_embedded(both, tmp_path):
    embedded, server = both
    assert not (tmp_path / "server" / "chroma").exists()  # vectors live in the server, not in index_dir
    assert server.stats().embedded_chunks == server.stats().chunks == embedded.stats().chunks
    for question in QUESTIONS:
        want, got = embedded.retrieve(question, k=5), server.retrieve(question, k=5)
        assert [h.chunk_id for h in got] == [h.chunk_id for h in want], question
        assert [round(h.score, 6) for h in got] == [round(h.score, 6) for h in want]
        a, b = embedded.ask(question), server.ask(question)
        assert (b.text, b.refused, [c.quote for c in b.citations]) == (a.text, a.refused, [c.quote for c in a.citations])
    filtered = server.retrieve("Rutte Odesa", k=10, since="2025-04-01")
    assert filtered == embedded.retrieve("Rutte Odesa", k=10, since="2025-04-01") and filtered
    assert check_index(server).ok


def test_a_second_app_process_shares_the_server_and_index_dir(both, tmp_path, chroma_server):
    _, server = both
    env = dict(os.environ, RAG_INDEX_DIR=str(tmp_path / "server"), RAG_STORE="server",
               RAG_CHROMA_PORT=str(chroma_server.port))
    out = subprocess.run([sys.executable, "-m", "rag", "ask", QUESTIONS[0], "--json"], capture_output=True, text=True,
                         env=env, timeout=300)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["text"] == server.ask(QUESTIONS[0]).text


def test_another_index_cannot_take_over_the_collection(both, tmp_path, chroma_server, bundled_embedder, seed_corpus):
    _, server = both
    before = server.vectors.ids()
    intruder = Pipeline(index_dir=tmp_path / "other", store="server", chroma_port=chroma_server.port,
                        embedder=bundled_embedder)
    (tmp_path / "one").mkdir()
    shutil.copy(next(seed_corpus.glob("*.txt")), tmp_path / "one")
    with pytest.raises(IndexMismatchError, match="belongs to another index"):
        intruder.ingest(tmp_path / "one")  # would otherwise delete the other index's vectors as orphans
    assert server.vectors.ids() == before
    separate = Pipeline(index_dir=tmp_path / "other", store="server", chroma_port=chroma_server.port,
                        collection="other", embedder=bundled_embedder)
    assert len(separate.ingest(tmp_path / "one").added) == 1 and server.vectors.ids() == before


def test_vectors_survive_a_server_restart(both, chroma_server, tmp_path, bundled_embedder):
    _, server = both
    chunks = server.stats().chunks
    assert chroma_server.stop() in (0, -15)  # stopped cleanly by SIGTERM
    with pytest.raises(RagError, match="Cannot reach the Chroma server"):
        Pipeline(index_dir=tmp_path / "server", store="server", chroma_port=chroma_server.port,
                 embedder=bundled_embedder).stats()
    chroma_server.start()
    again = Pipeline(index_dir=tmp_path / "server", store="server", chroma_port=chroma_server.port,
                     embedder=bundled_embedder)
    assert again.stats().embedded_chunks == chunks and check_index(again).ok
    assert "Odesa" in again.ask(QUESTIONS[0]).text


def test_concurrent_clients_over_the_server_get_answers_without_errors(both):
    _, server = both
    result = measure_load(server.ask, QUESTIONS, clients=4, seconds=5)
    assert result["errors"] == 0, result["error_kinds"]
    assert result["requests"] >= 4 and result["hung_clients"] == 0
