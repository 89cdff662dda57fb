"""`rag bench llm`: generated (LLM) answers next to the extractive default on the same eval questions and index.

Reports, per backend: correctness, refusal, citation faithfulness of what is shown, and for the LLM the share of
its sentences that verification dropped, answers that fell back to extractive, latency per answer and tokens/s.
A tiny local model is slow on 2 cores (its prompt of ~6 passages takes most of the time), so the run takes a
spread subset of the eval questions (`--questions N`).
"""

from __future__ import annotations

import json
import logging
from datetime import datetime, timezone
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from ..evaluation.harness import (eval_pipeline, llm_summary, load_multihop_questions, load_seed_questions,
                                  run_questions)
from ..evaluation.report import summarize
from ..pipeline import Pipeline
from .speed import RESULTS, machine

log = logging.getLogger(__name__)


def spread(items: list, n: int) -> list:
    """Return n items taken evenly across the list (all of them when n >= len)."""
    if n >= len(items):
        return list(items)
    return [items[i * len(items) // n] for i in range(n)]


def _row(name: str, records: list[dict]) -> dict:
    metrics = summarize(records)["all"]
    generation = llm_summary(records)
    return {"backend": name, "n": metrics["n"], "correct": metrics["correct"],
            "answered_when_answerable": metrics["answered_when_answerable"],
            "unanswerable_refused": metrics["refusal_tnr"], "citation_precision": metrics["citation_precision"],
            "fully_supported": metrics["fully_supported"], "p50_ms": metrics["p50_ms"], "p95_ms": metrics["p95_ms"],
            **{k: generation[k] for k in ("generated", "fallbacks", "sentences_generated", "sentences_dropped",
                                          "dropped_share", "tokens_per_s")}}


def _fmt(value) -> str:
    if value is None:
        return "–"
    return f"{value:.3f}" if isinstance(value, float) and value < 10 else f"{value:.0f}" if isinstance(value, float) \
        else str(value)


def table(rows: list[dict]) -> str:
    """Return the rows as a markdown table."""
    keys = list(rows[0])
    lines = ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
    lines += ["| " + " | ".join(_fmt(row[k]) for k in keys) + " |" for row in rows]
    return "\n".join(lines)


def run(args, pipeline: Pipeline) -> int:
    """Answer the same questions extractively and with the configured LLM (default: local); print and record."""
    settings = pipeline.settings
    backend = settings.llm if settings.llm != "extractive" else "local"
    questions = load_seed_questions(settings.eval_dir / "data" / "seed_qa.jsonl")
    bench = settings.bench_dir / "questions-dev.jsonl"
    if bench.exists():
        questions += load_multihop_questions(bench, settings.eval_sample, settings.eval_seed)
    count = args.questions if isinstance(args.questions, int) else 24
    chosen = spread(questions, count)
    base, index = eval_pipeline(settings, questions, settings.seeds_dir, embedder=None)
    rows, records_by = [], {}
    for name, llm in (("extractive", "extractive"), (backend, backend)):
        runner = Pipeline(base.settings, embedder=base.embedder, llm=llm)
        records = run_questions(runner, chosen)
        records_by[name] = records
        rows.append(_row(runner.chat_model().name if runner.llm_enabled else name, records))
        print(table(rows[-1:]), flush=True)
    text = table(rows)
    print(text)
    out = Path(getattr(args, "output", None) or "docs/bench/llm-latest.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"rows": rows, "records": records_by, "index": index}, indent=1, default=str))
    if not args.no_record:
        _record(text, settings, len(chosen), args.note)
    return 0


def _record(text: str, settings, n: int, note: str | None) -> None:
    try:
        libs = f"xllamacpp {version('xllamacpp')}, openai {version('openai')}"
    except PackageNotFoundError:
        libs = ""
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    with RESULTS.open("a", encoding="utf-8") as handle:
        handle.write(f"\n- {when} — `rag bench llm`, {n} eval questions (seed + MultiHop-RAG sample, evenly spread), "
                     f"answer_passages={settings.answer_passages}, llm_max_tokens={settings.llm_max_tokens}, "
                     f"llm_threads={settings.llm_threads}{' — ' + note if note else ''}\n"
                     f"  machine: {machine()}; {libs}\n\n{text}\n")
