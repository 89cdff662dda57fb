"""`rag bench load` (concurrent clients, bounded in time) and `rag bench scale` (a synthetic 100k-chunk index in
Chroma server mode); both print JSON and append a row to docs/BENCHMARKS.md."""

from __future__ import annotations

import json
import logging
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np

from ..errors import RagError
from ..evaluation.stats import percentile
from .speed import load_questions, record

log = logging.getLogger(__name__)
FALLBACK_QUESTIONS = ["Which Ukrainian city did Rutte visit?", "How many people were killed in the Sumy region?",
                      "What did the central bank decide about interest rates?", "Who won the 2022 World Cup?"]


def measure_load(ask: Callable[[str], object], questions: list[str], clients: int, seconds: float) -> dict:
    """Run `clients` threads asking questions in turn until `seconds` pass; return throughput, latency, errors."""
    deadline = time.monotonic() + seconds
    latencies: list[float] = []
    errors: Counter[str] = Counter()
    lock = threading.Lock()

    def client(number: int) -> None:
        turn = number
        while time.monotonic() < deadline:
            question = questions[turn % len(questions)]
            turn += clients
            started = time.perf_counter()
            try:
                ask(question)
            except Exception as exc:  # a load test counts every failure instead of stopping at the first
                with lock:
                    errors[f"{type(exc).__name__}: {str(exc)[:80]}"] += 1
                continue
            with lock:
                latencies.append((time.perf_counter() - started) * 1e3)

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 300)  # a request in flight at the deadline may finish; a hung one may not
    elapsed = time.monotonic() - started
    return {"clients": clients, "seconds": round(elapsed, 1), "requests": len(latencies),
            "throughput_per_s": round(len(latencies) / elapsed, 2), "p50_ms": round(percentile(latencies, 50), 1),
            "p95_ms": round(percentile(latencies, 95), 1), "p99_ms": round(percentile(latencies, 99), 1),
            "errors": sum(errors.values()), "error_kinds": dict(errors.most_common(5)),
            "hung_clients": sum(t.is_alive() for t in threads)}


def _questions(pipeline, limit: int = 200) -> list[str]:
    try:
        return load_questions(limit, pipeline.settings.bench_dir / "questions-dev.jsonl")
    except RagError:
        log.warning("MultiHop-RAG questions not found; using %d built-in questions", len(FALLBACK_QUESTIONS))
        return FALLBACK_QUESTIONS


def app_asker(url: str) -> Callable[[str], object]:
    """Return ask(question) calling a running newsrag app's `/ask` API, one gradio_client per thread."""
    from gradio_client import Client

    local = threading.local()

    def ask(question: str):
        if not hasattr(local, "client"):
            local.client = Client(url, verbose=False)
        return local.client.predict(question=question, api_name="/ask")

    return ask


def bench_load(pipeline, clients: int, seconds: float, url: str | None = None) -> dict:
    """Load-test the Python API (one shared Pipeline) or, with url, a running app; return the measurements."""
    questions = _questions(pipeline)
    if url:
        ask = app_asker(url)
        ask(questions[0])  # warm up the app's model and indexes outside the measurement
        target = f"app {url}"
    else:
        pipeline.ensure_index()
        ask = pipeline.ask
        ask(questions[0])
        target = "python API"
    result = {"target": target, "questions": len(questions)} | measure_load(ask, questions, clients, seconds)
    if not url:
        stats = pipeline.stats()
        result |= {"articles": stats.articles, "chunks": stats.chunks}
    return result


class RandomUnitEmbedder:
    """Random unit vectors (seeded), so a scale index can be built without running the model; it records its own
    model name, and the scale benchmark's reader accepts that name explicitly (Settings.accept_embed_models)."""

    name = "random-unit-vectors"
    dim = 384

    def __init__(self, seed: int = 0):
        self._rng = np.random.default_rng(seed)

    def encode(self, texts: list[str]) -> np.ndarray:
        """Return one random unit vector per text."""
        vectors = self._rng.standard_normal((len(texts), self.dim)).astype(np.float32)
        return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def write_synthetic_corpus(directory: Path, chunks: int, source_corpus: Path, seed: int = 0) -> int:
    """Write news-like articles (sentences of the real corpus, reshuffled) worth about `chunks` chunks; return articles."""
    sentences = []
    for file in sorted(source_corpus.rglob("*.jsonl")):
        for line in file.open(encoding="utf-8"):
            body = json.loads(line).get("body", "")
            sentences += [s for s in re.split(r"(?<=[.!?])\s+", body) if 40 <= len(s) <= 400]
    if len(sentences) < 100:
        raise RagError(f"{source_corpus} has too few sentences to build a synthetic corpus; point --corpus at the "
                       "MultiHop-RAG articles (corpus/multihop-rag).")
    rng = random.Random(seed)
    directory.mkdir(parents=True, exist_ok=True)
    articles = chunks // 4  # ~4 chunks of 256 tokens per ~3,800-character article
    per_file = 5000
    for start in range(0, articles, per_file):
        with (directory / f"synthetic_{start // per_file:03d}.jsonl").open("w", encoding="utf-8") as out:
            for n in range(start, min(start + per_file, articles)):
                body = " ".join(rng.choice(sentences) for _ in range(28))
                out.write(json.dumps({"id": f"syn-{n}", "title": f"Synthetic report {n}", "body": body,
                                      "source": f"Wire {n % 40}", "published": f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}"})
                          + "\n")
    return articles


def _rss_mb(pid: int | str = "self") -> dict[str, float]:
    """Return current (VmRSS) and peak (VmHWM) resident memory of a process in MB."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(("VmRSS:", "VmHWM:")):
            key, value = line.split(":")
            fields[key] = round(int(value.split()[0]) / 1024, 1)
    return fields


def start_chroma_server(path: Path) -> tuple[subprocess.Popen, int]:
    """Start `chroma run` on a free loopback port; return the process and port once it answers."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cli = Path(sys.executable).with_name("chroma")
    process = subprocess.Popen([str(cli) if cli.exists() else "chroma", "run", "--path", str(path), "--host",
                                "127.0.0.1", "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1)
            return process, port
        except OSError:
            if process.poll() is not None:
                raise RagError("`chroma run` exited at start; run it by hand to see why.")
            time.sleep(0.2)
    process.terminate()
    raise RagError("`chroma run` did not answer within 60 s.")


def bench_scale(pipeline, chunks: int, seconds: float, source_corpus: Path) -> dict:
    """Build a synthetic index (random unit vectors) in Chroma server mode; time ingest, query latency, memory."""
    from ..pipeline import Pipeline

    work = Path(tempfile.mkdtemp(prefix="rag-scale-"))
    server, port = start_chroma_server(work / "chroma")
    try:
        articles = write_synthetic_corpus(work / "corpus", chunks, source_corpus)
        settings = pipeline.settings.model_copy(update={"index_dir": work / "index", "store": "server",
                                                        "chroma_port": port, "chroma_host": "127.0.0.1"})
        builder = Pipeline(settings, embedder=RandomUnitEmbedder())
        marks: dict[str, float] = {}
        started = time.perf_counter()
        report = builder.ingest(work / "corpus", progress=lambda stage, done, total: marks.setdefault(stage, time.perf_counter()))
        ingest_s = time.perf_counter() - started
        stored = builder.stats().chunks
        vectors_s = ingest_s - (marks.get("embed", started) - started)
        rss_after_ingest = _rss_mb()
        # real MiniLM for the question vectors, over an index whose vectors are random stand-ins
        reader = Pipeline(settings, embedder=pipeline.embedder, accept_embed_models=[RandomUnitEmbedder.name])
        questions = _questions(pipeline)
        reader.ask(questions[0])  # loads BM25 and the model outside the measurement
        latency = measure_load(reader.ask, questions, clients=1, seconds=seconds)
        retrieve = measure_load(reader.retrieve, questions, clients=1, seconds=min(seconds, 30))
        return {
            "chunks": stored, "articles": articles, "failed": len(report.failed), "vectors": "random unit (stated)",
            "ingest_s": round(ingest_s, 1), "ingest_chunks_per_s": round(stored / ingest_s, 1),
            "vector_upsert_chunks_per_s": round(stored / vectors_s, 1) if vectors_s > 0 else None,
            "ask_p50_ms": latency["p50_ms"], "ask_p95_ms": latency["p95_ms"], "ask_errors": latency["errors"],
            "retrieve_p50_ms": retrieve["p50_ms"], "retrieve_p95_ms": retrieve["p95_ms"],
            "app_rss_mb_after_ingest": rss_after_ingest.get("VmRSS"),
            "app_rss_mb": _rss_mb().get("VmRSS"), "app_peak_rss_mb": _rss_mb().get("VmHWM"),
            "chroma_server_rss_mb": _rss_mb(server.pid).get("VmRSS"),
        }
    finally:
        server.terminate()
        server.wait(timeout=60)
        shutil.rmtree(work, ignore_errors=True)


def run(args, pipeline) -> int:
    """Run `bench load` or `bench scale`; print JSON and record it unless --no-record."""
    if args.what == "load":
        result = bench_load(pipeline, args.clients, args.seconds, args.url)
        section = "Load (`rag bench load`)"
    else:
        source = Path(args.corpus) if args.corpus else pipeline.settings.corpus_dir
        result = bench_scale(pipeline, args.chunks, args.seconds, source)
        section = "Scale, Chroma server mode (`rag bench scale`)"
    print(json.dumps(result, indent=2))
    if not args.no_record:
        record(section, result, note=args.note or "")
    return 0 if not result.get("errors") and not result.get("ask_errors") else 1
