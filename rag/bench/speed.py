"""`rag bench ingest|query`: speed measurements printed and appended to docs/BENCHMARKS.md."""

from __future__ import annotations

import json
import logging
import os
import platform
import statistics
import tempfile
import time
from datetime import datetime, timezone
from importlib.metadata import version
from pathlib import Path

from ..evaluation.multihop import load_questions as load_multihop
from ..evaluation.stats import percentile
from ..pipeline import Pipeline

log = logging.getLogger(__name__)
RESULTS = Path("docs/BENCHMARKS.md")


def machine() -> str:
    """Return a one-line description of the machine and library versions."""
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else ""
    names = ("torch", "sentence-transformers", "onnxruntime", "chromadb", "bm25s")
    libs = ", ".join(f"{name} {version(name)}" for name in names)
    return f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}; {libs}"


def bench_ingest(pipeline: Pipeline, corpus: Path) -> dict:
    """Ingest corpus into a fresh index, compare with raw encode of the same chunks, then time a re-ingest."""
    with tempfile.TemporaryDirectory(prefix="rag-bench-") as tmp:
        fresh = Pipeline(pipeline.settings, embedder=pipeline.embedder, index_dir=Path(tmp))
        fresh.embedder.encode(["warm up"])  # model load is not ingest throughput
        started = time.perf_counter()
        first = fresh.ingest(corpus)
        ingest_s = time.perf_counter() - started
        chunks = fresh.docs.chunks()
        texts = [c.indexed_text for c in chunks]
        model = fresh.embedder.model
        started = time.perf_counter()
        model.encode(texts, batch_size=fresh.settings.embed_batch_size, normalize_embeddings=True)
        raw_s = time.perf_counter() - started
        started = time.perf_counter()
        again = fresh.ingest(corpus)
        reingest_s = time.perf_counter() - started
    articles = len(first.added) + len(first.updated)
    return {
        "corpus": str(corpus), "articles": articles, "chunks": len(chunks), "failed": len(first.failed),
        "ingest_s": round(ingest_s, 1), "articles_per_s": round(articles / ingest_s, 2),
        "chunks_per_s": round(len(chunks) / ingest_s, 2), "raw_encode_chunks_per_s": round(len(chunks) / raw_s, 2),
        "pipeline_vs_raw": round(raw_s / ingest_s, 3), "reingest_unchanged_s": round(reingest_s, 2),
        "reingest_skipped": len(again.skipped),
    }


def load_questions(limit: int, path: Path) -> list[str]:
    """Return the texts of up to `limit` MultiHop-RAG dev questions (every type, in file order)."""
    return [q.question for q in load_multihop(path, limit)]


def bench_query(pipeline: Pipeline, questions: list[str]) -> dict:
    """Time retrieve() and ask() per question over the current index; return p50/p95 in ms."""
    pipeline.ensure_index()
    pipeline.ask("warm up the model and indexes")
    retrieve_ms, ask_ms, refused = [], [], 0
    for question in questions:
        started = time.perf_counter()
        pipeline.retrieve(question)
        retrieve_ms.append((time.perf_counter() - started) * 1e3)
        started = time.perf_counter()
        refused += pipeline.ask(question).refused
        ask_ms.append((time.perf_counter() - started) * 1e3)
    stats = pipeline.stats()
    return {
        "questions": len(questions), "articles": stats.articles, "chunks": stats.chunks,
        "retrieve_p50_ms": round(percentile(retrieve_ms, 50), 1), "retrieve_p95_ms": round(percentile(retrieve_ms, 95), 1),
        "ask_p50_ms": round(percentile(ask_ms, 50), 1), "ask_p95_ms": round(percentile(ask_ms, 95), 1),
        "ask_mean_ms": round(statistics.fmean(ask_ms), 1), "refused": refused,
    }


def bench_refusal(pipeline: Pipeline, path: Path, per_type: int, seed: int = 1) -> dict:
    """Sweep refusal thresholds over a stratified sample of MultiHop-RAG dev questions (null vs answerable)."""
    import random

    pipeline.ensure_index()
    by_type: dict[str, list] = {}
    for question in load_multihop(path):
        by_type.setdefault(question.kind, []).append(question)
    rng = random.Random(seed)
    sample = [q for kind in sorted(by_type) for q in rng.sample(by_type[kind], min(per_type, len(by_type[kind])))]
    supports = [(q.answerable, pipeline.ask(q.question).support) for q in sample]
    answerable = [s for ok, s in supports if ok]
    null = [s for ok, s in supports if not ok]
    sweep = {}
    for step in range(10, 51):
        threshold = step / 100
        over = sum(s < threshold for s in answerable) / len(answerable)
        true_negative = sum(s < threshold for s in null) / len(null)
        sweep[threshold] = (round(over, 3), round(true_negative, 3), round((1 - over + true_negative) / 2, 3))
    best = max(sweep, key=lambda t: sweep[t][2])
    current = round(pipeline.answer_model.threshold, 2)
    return {"answerable": len(answerable), "null": len(null), "best_threshold": best,
            "best_over_refusal": sweep[best][0], "best_null_refused": sweep[best][1],
            "current_threshold": current, "current_over_refusal": sweep.get(current, ("n/a",))[0],
            "current_null_refused": sweep.get(current, ("n/a", "n/a"))[1]}


def append_under(section: str, entry: str, *, intro: str = "", gap: str = "\n", path: Path = RESULTS) -> None:
    """Append entry at the end of `## section` in docs/BENCHMARKS.md; a missing section is created at the end of the
    file (with intro under its heading), and the sections after it are kept as they are."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = path.read_text() if path.exists() else "# Benchmarks\n\nEvery run appends a row; newest last.\n"
    heading = f"## {section}"
    if heading not in text:
        text = text.rstrip("\n") + f"\n\n{heading}\n\n{intro}"
    head, _, tail = text.partition(heading)
    body, sep, rest = tail.partition("\n## ")
    body = body.rstrip("\n")
    path.write_text(head + heading + body + (gap if body else "\n\n") + entry.rstrip("\n") + "\n"
                    + (("\n## " + rest) if sep else ""))


def record(section: str, result: dict, note: str = "") -> None:
    """Append a dated result row under `## section` in docs/BENCHMARKS.md (created if missing)."""
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    row = f"- {stamp} — " + ", ".join(f"{k}={v}" for k, v in result.items()) + (f" — {note}" if note else "")
    append_under(section, row + f"\n  machine: {machine()}")


def run(args, pipeline: Pipeline) -> int:
    """Run the benchmark named by args.what; print JSON and record it unless --no-record."""
    if args.what == "ingest":
        result = bench_ingest(pipeline, Path(args.corpus or pipeline.settings.corpus_dir))
        section = "Ingest speed (`rag bench ingest`)"
    elif args.what == "query":
        result = bench_query(pipeline, load_questions(args.questions, pipeline.settings.bench_dir / "questions-dev.jsonl"))
        section = "Query latency (`rag bench query`)"
    else:
        result = bench_refusal(pipeline, pipeline.settings.bench_dir / "questions-dev.jsonl", args.per_type)
        section = "Refusal calibration (`rag bench refusal`)"
    print(json.dumps(result, indent=2))
    if not args.no_record:
        record(section, result, note=args.note or "")
    return 0
