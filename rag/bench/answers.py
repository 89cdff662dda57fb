"""`rag bench answers`: the answer layer on MultiHop-RAG dev questions the answerability model never saw.

For held-out answerable questions: asked as usual (should be answered; the direct answer checked against the gold),
and asked again with their gold articles removed from the passages (evidence removal: should be refused, unless a
remaining passage holds a gold fact or, for inference questions, the gold answer; those are counted apart). Null
questions should be refused. Comparison and temporal questions are scored on the Yes/No verdict.
"""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

from ..evaluation.harness import contains_gold, load_multihop_questions, yes_no
from ..evaluation.multihop import load_questions
from ..evaluation.stats import percentile
from ..text import split_sentences
from .speed import record
from .train_answer import TRAINED_ON_FIRST, holds_evidence



def held_out_questions(pipeline, n: int, seed: int = 0) -> list:
    """Return up to n dev questions outside the answerability training range and the eval sample, all types."""
    settings = pipeline.settings
    path = settings.bench_dir / "questions-dev.jsonl"
    sample = {q.id for q in load_multihop_questions(path, settings.eval_sample, settings.eval_seed)}
    pool = [q for q in load_questions(path)[TRAINED_ON_FIRST + 30:] if q.id not in sample]
    return random.Random(seed).sample(pool, min(n, len(pool)))


def run_answers(pipeline, questions: list) -> dict:
    """Return answered / refused / correct rates with and without the gold evidence, and latency."""
    k = pipeline.settings.answer_passages
    rows, latency, parts = [], [], {"retrieve_ms": [], "answer_ms": []}
    for q in questions:
        started = time.perf_counter()
        answer = pipeline.ask(q.question)
        latency.append((time.perf_counter() - started) * 1e3)
        for name, values in parts.items():
            values.append(answer.timings.get(name, 0.0))
        row = {"id": q.id, "type": q.kind.removesuffix("_query"), "answerable": q.answerable,
               "refused": answer.refused, "short": answer.short}
        if q.answerable:
            verdict = yes_no(q.answer)
            row["correct"] = not answer.refused and (
                yes_no(answer.short) == verdict if verdict else contains_gold(answer.text, [q.answer]))
            kept = [h for h in pipeline.retrieve(q.question, k=k * 5) if not q.is_gold(h)][:k]
            removed = pipeline.answer(q.question, kept)
            row["removed_refused"] = removed.refused
            # MultiHop-RAG repeats its facts across articles: after removal another article may still hold the
            # answer (an inference answer is usually a much-covered name). Those rows are counted apart.
            row["removed_answer_elsewhere"] = any(
                holds_evidence(s, q.facts, q.answer if q.kind == "inference_query" else "")
                for h in kept for _, _, s in split_sentences(h.text))
            row["removed_correct"] = (not removed.refused and not verdict
                                      and contains_gold(removed.text, [q.answer]))
        rows.append(row)
    timing = {"ask_p50_ms": round(percentile(latency, 50), 1), "ask_p95_ms": round(percentile(latency, 95), 1)}
    for name, values in parts.items():  # where the time goes: retrieval, then the answer layer
        stem = name.removesuffix("_ms")
        timing |= {f"{stem}_p{p}_ms": round(percentile(values, p), 1) for p in (50, 95)}
    return summarise_answers(rows) | timing | {"rows": rows}


def summarise_answers(rows: list[dict]) -> dict:
    """Return the headline rates of run_answers rows."""
    def rate(values):
        values = list(values)
        return round(sum(values) / len(values), 3) if values else None

    answerable = [r for r in rows if r["answerable"]]
    result = {"questions": len(rows), "answered_with_evidence": rate(not r["refused"] for r in answerable),
              "refused_evidence_removed": rate(r["removed_refused"] for r in answerable),
              "refused_evidence_removed_nowhere_else": rate(r["removed_refused"] for r in answerable
                                                            if not r.get("removed_answer_elsewhere")),
              "evidence_removed_answer_elsewhere": rate(r.get("removed_answer_elsewhere", False) for r in answerable),
              "evidence_removed_answered_correctly": rate(r.get("removed_correct", False) for r in answerable
                                                          if r.get("removed_answer_elsewhere")),
              "null_refused": rate(r["refused"] for r in rows if not r["answerable"])}
    for kind in ("inference", "comparison", "temporal"):
        result[f"{kind}_correct"] = rate(r["correct"] for r in answerable if r["type"] == kind)
    return result


def run(args, pipeline) -> int:
    """Print and record `rag bench answers` over held-out dev questions on the configured (full) index."""
    pipeline.ensure_index()
    questions = held_out_questions(pipeline, args.questions if isinstance(args.questions, int) else 200)
    result = run_answers(pipeline, questions)
    rows = result.pop("rows")
    print(json.dumps(result, indent=2))
    Path("docs/bench").mkdir(parents=True, exist_ok=True)
    Path("docs/bench/answers-latest.json").write_text(json.dumps(result | {"rows": rows}, indent=1))
    if not args.no_record:
        record("Answers on held-out MultiHop-RAG dev questions (`rag bench answers`)", result, note=args.note or "")
    return 0

