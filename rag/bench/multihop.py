"""`rag bench multihop`: retrieval quality on MultiHop-RAG by the official metric (rag/evaluation/multihop.py), plus
refusal and latency."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from pathlib import Path

from ..errors import RagError
from ..evaluation.multihop import BenchQuestion, load_questions, score_ranking, summarise
from ..evaluation.stats import percentile
from .progress import progress_bars
from .speed import append_under, machine

log = logging.getLogger(__name__)

def ensure_bench_index(pipeline, articles: Path, progress=None):
    """Ingest the benchmark articles into the pipeline's index (unchanged ones are skipped); return the report."""
    if not articles.exists():
        raise RagError(f"{articles} not found. Set RAG_BENCH_DIR to the MultiHop-RAG data directory.")
    return pipeline.ingest(articles, progress=progress)


def run_multihop(pipeline, questions: Sequence[BenchQuestion], k: int = 10,
                 tick: Callable[[], None] | None = None) -> dict:
    """Retrieve k chunks per answerable question and ask() every null question; return metrics and latency."""
    pipeline.retrieve("warm up the model and indexes", k=k)
    rows, latency_ms, refused, nulls, per_question = [], [], 0, 0, []
    for q in questions:
        if q.answerable:
            started = time.perf_counter()
            hits = pipeline.retrieve(q.question, k=k)
            latency_ms.append((time.perf_counter() - started) * 1e3)
            scores = score_ranking([h.text for h in hits], q.facts, k)
            rows.append((q.kind, scores))
            per_question.append({"id": q.id, "type": q.kind, **scores})
        else:
            nulls += 1
            refused += pipeline.ask(q.question).refused
        if tick:
            tick()
    return {
        "metrics": summarise(rows),
        "null_questions": nulls, "null_refusal_rate": round(refused / nulls, 4) if nulls else None,
        "retrieve_p50_ms": round(percentile(latency_ms, 50), 1), "retrieve_p95_ms": round(percentile(latency_ms, 95), 1),
        "per_question": per_question,
    }


def retrieval_settings(settings) -> dict:
    """Return the settings that shape retrieval, recorded with every result."""
    keys = ("chunk_size", "chunk_overlap", "embed_model", "rrf_k", "bm25_weight", "dense_weight", "candidates",
            "query_understanding", "source_boost", "subquery_weight", "date_slack_days", "coverage_weight",
            "coverage_decay", "coverage_pool", "rerank", "rerank_dense", "embed_backend")
    return {key: getattr(settings, key) for key in keys if hasattr(settings, key)}


def markdown_row(result: dict, note: str) -> str:
    """Return one Markdown line with the headline figures of a run."""
    overall = result["metrics"]["overall"]
    per_type = ", ".join(f"{kind.removesuffix('_query')} H@10 {m['hits@10']:.3f}"
                         for kind, m in result["metrics"].items() if kind != "overall")
    settings = ", ".join(f"{k}={v}" for k, v in result["settings"].items())
    return (f"- {result['date']} — n={overall['n']}: Hits@4 {overall['hits@4']:.3f}, Hits@10 {overall['hits@10']:.3f}, "
            f"MAP@10 {overall['map@10']:.3f}, MRR@10 {overall['mrr@10']:.3f}, "
            f"FactRecall@10 {overall['fact_recall@10']:.3f}; {per_type}; null refused "
            f"{result['null_refusal_rate']}; retrieve p50/p95 {result['retrieve_p50_ms']}/{result['retrieve_p95_ms']} ms"
            f" — {settings}" + (f" — {note}" if note else ""))


def run(args, pipeline) -> int:
    """`rag bench multihop`: ingest, evaluate, print a summary, write JSON and append to docs/BENCHMARKS.md."""
    from tqdm import tqdm


    bench_dir = pipeline.settings.bench_dir
    path = args.questions if isinstance(args.questions, Path) else bench_dir / "questions-dev.jsonl"
    questions = load_questions(path, args.limit)
    report = ensure_bench_index(pipeline, bench_dir / "articles.jsonl", progress=progress_bars())
    log.info("bench index: %s", report.summary())
    with tqdm(total=len(questions), desc="multihop questions", unit=" q", dynamic_ncols=True) as bar:
        result = run_multihop(pipeline, questions, tick=bar.update)
    result |= {"date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
               "settings": retrieval_settings(pipeline.settings), "machine": machine(),
               "index": {"dir": str(pipeline.settings.index_dir), "articles": pipeline.docs.counts()[0],
                         "chunks": pipeline.docs.counts()[1]}}
    output = Path(args.output or "docs/bench/multihop-latest.json")
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(result, indent=1))
    summary = {k: v for k, v in result.items() if k != "per_question"}
    print(json.dumps(summary["metrics"], indent=2))
    print(f"null refusal {result['null_refusal_rate']}, retrieve p50 {result['retrieve_p50_ms']} ms, "
          f"p95 {result['retrieve_p95_ms']} ms; JSON written to {output}")
    if pipeline.settings.rerank and path.name == "questions-dev.jsonl":
        print("note: the shipped reranker was trained on these dev questions, so these figures are in-sample; the "
              "question-disjoint 5-fold figures are in docs/BENCHMARKS.md (`python -m rag.bench.train_rerank` prints them)")
    if not args.no_record:
        append_row(markdown_row(result, args.note or "") + f"\n  machine: {result['machine']}")
    return 0


def append_row(row: str, path: Path = Path("docs/BENCHMARKS.md"), section: str = "Retrieval on MultiHop-RAG (dev)") -> None:
    """Append a line to the runs log at the end of `## section` in docs/BENCHMARKS.md."""
    append_under(section, row, intro="### Runs (`rag bench multihop`, newest last)\n", path=path)
