"""`rag bench retrieval`: retrieval quality per query style (known-item keyword, conversational, paraphrase,
MultiHop-RAG) side by side, for the default retriever and four baselines, with latency.

Gold for the hand-written styles and the keyword queries is an article: a retrieved chunk is right when it comes
from the article with the gold title, or (titles can change with the id scheme, passages cannot) when it holds the
gold passage. MultiHop-RAG uses its official rule (a gold evidence fact inside the chunk) over the eval suite's
fixed sample of dev questions, which the shipped reranker never trained on (`--multihop all` asks every dev
question; the reranker was trained on those, so that column is in-sample).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from ..evaluation.multihop import first_relevant_rank, load_questions, score_ranking
from ..evaluation.stats import percentile
from ..text import normalise, squash
from .keyword_queries import generate
from .speed import append_under, machine

log = logging.getLogger(__name__)
STYLES = ("keyword", "conversational", "paraphrase", "multihop")
# Each configuration is a set of Settings overrides over the pipeline's own settings
CONFIGS: dict[str, dict] = {
    "default": {},
    "rerank off": {"rerank": False},
    "bm25 only": {"rerank": False, "query_understanding": False, "coverage_weight": 0.0, "dense_weight": 0.0,
                  "dense_candidates": 0},
    "dense only": {"rerank": False, "query_understanding": False, "coverage_weight": 0.0, "bm25_weight": 0.0,
                   "dense_weight": 1.0, "dense_candidates": 0},
    "fused": {"rerank": False, "dense_weight": 1.0, "dense_candidates": 0},
}


@dataclass
class StyleQuery:
    """One benchmark query: its text, style and gold (an article title and passage, or MultiHop-RAG facts)."""

    id: str
    style: str
    query: str
    gold_title: str = ""
    passage: str = ""
    facts: Sequence[str] = ()


def read_articles(corpus: Path) -> list:
    """Return the cleaned Articles of a corpus directory, as `rag ingest` reads them."""
    from ..ingest.readers import discover_files, read_file

    files, _ = discover_files([corpus])
    articles = []
    for path in files:
        articles += read_file(path, 1 << 34)[0]
    return articles


def load_hand_written(eval_dir: Path) -> list[StyleQuery]:
    """Return the held-out conversational and paraphrase questions (evals/data/retrieval_*.jsonl)."""
    queries = []
    for name in ("retrieval_conversational.jsonl", "retrieval_paraphrase.jsonl"):
        for line in (eval_dir / "data" / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                queries.append(StyleQuery(record["id"], record["style"], record["question"], record["gold_title"],
                                          record["passage"]))
    return queries


def keyword_sets(settings) -> dict[str, list[StyleQuery]]:
    """Return the generated known-item keyword queries: {"eval": [...], "train": [...]} (disjoint articles)."""
    held_out = {q.gold_title for q in load_hand_written(settings.eval_dir)}
    sets = generate(read_articles(settings.corpus_dir), held_out)
    return {side: [StyleQuery(f"kw-{q.article_id}-{q.variant}", "keyword", q.query, q.title) for q in queries]
            for side, queries in sets.items()}


def multihop_queries(settings, which: str = "sample") -> list[StyleQuery]:
    """Return answerable MultiHop-RAG dev questions: the eval suite's sample (held out from training) or all."""
    from ..evaluation.harness import load_multihop_questions

    path = settings.bench_dir / "questions-dev.jsonl"
    if which == "none" or not path.exists():
        return []
    if which == "all":
        chosen = [(q.id, q.question, q.facts) for q in load_questions(path) if q.answerable]
    else:
        chosen = [(q.id, q.question, q.gold_passages) for q in
                  load_multihop_questions(path, settings.eval_sample, settings.eval_seed) if q.answerable]
    return [StyleQuery(i, "multihop", text, facts=facts) for i, text, facts in chosen]


def article_rank(hits, query: StyleQuery, k: int = 10) -> int | None:
    """Return the 1-based rank of the first hit from the gold article (by title, or holding the passage)."""
    title, passage = normalise(query.gold_title), squash(normalise(query.passage)) if query.passage else ""
    for rank, hit in enumerate(hits[:k], 1):
        if normalise(hit.title) == title or (passage and passage in squash(normalise(hit.text))):
            return rank
    return None


def score_query(hits, query: StyleQuery) -> dict[str, float]:
    """Return Hits@1/@5/@10 and MRR@10 for one query (MultiHop-RAG: its official metrics as well)."""
    if query.style == "multihop":
        official = score_ranking([h.text for h in hits], query.facts, 10)
        rank = first_relevant_rank([h.text for h in hits], query.facts, 10)
        extra = {"fact_recall@10": official["fact_recall@10"]}
    else:
        rank, extra = article_rank(hits, query), {}
    return {"hits@1": float(rank == 1), "hits@5": float(bool(rank and rank <= 5)), "hits@10": float(bool(rank)),
            "mrr@10": 1.0 / rank if rank else 0.0, **extra}


def run_config(retrieve: Callable[[str], list], queries: Sequence[StyleQuery]) -> dict:
    """Return per-style mean metrics, per-query ranks and latency percentiles of one retriever over the queries."""
    retrieve("warm up the model and indexes")
    per_style: dict[str, list[dict]] = {}
    latency, rows = [], []
    for query in queries:
        started = time.perf_counter()
        hits = retrieve(query.query)
        latency.append((time.perf_counter() - started) * 1e3)
        scores = score_query(hits, query)
        per_style.setdefault(query.style, []).append(scores)
        rows.append({"id": query.id, "query": query.query, **scores})
    summary = {style: {"n": len(group)} | {m: round(sum(s[m] for s in group) / len(group), 4) for m in group[0]}
               for style, group in per_style.items()}
    return {"styles": summary, "p50_ms": round(percentile(latency, 50), 1),
            "p95_ms": round(percentile(latency, 95), 1), "per_query": rows}


def retriever_for(pipeline, overrides: dict):
    """Return a retrieve(query) function with the pipeline's index and models and the settings overrides."""
    from ..retrieval.retriever import HybridRetriever

    settings = pipeline.settings.model_copy(update=overrides)
    retriever = HybridRetriever.from_settings(pipeline.docs, pipeline.lexical, pipeline.vectors, pipeline.embedder,
                                              settings, pipeline._rerankers)
    return lambda text: retriever.retrieve(text, 10)


def markdown_table(results: dict[str, dict], styles: Sequence[str]) -> str:
    """Return the Markdown table: one row per configuration, Hits@5 / Hits@10 / MRR@10 per style, p95."""
    present = [s for s in styles if any(s in r["styles"] for r in results.values())]
    head = "| config | " + " | ".join(f"{s} H@5 / H@10 / MRR@10" for s in present) + " | p50 / p95 ms |"
    lines = [head, "|" + "---|" * (len(present) + 2)]
    for name, result in results.items():
        cells = []
        for style in present:
            m = result["styles"].get(style)
            cells.append(f"{m['hits@5']:.3f} / {m['hits@10']:.3f} / {m['mrr@10']:.3f}" if m else "–")
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {result['p50_ms']} / {result['p95_ms']} |")
    counts = {s: next(r["styles"][s]["n"] for r in results.values() if s in r["styles"]) for s in present}
    return "\n".join(lines) + "\n\nqueries: " + ", ".join(f"{s} {n}" for s, n in counts.items())


def append_section(text: str, path: Path = Path("docs/BENCHMARKS.md"),
                   section: str = "Retrieval across query styles (`rag bench retrieval`)") -> None:
    """Append a run under `## section` in docs/BENCHMARKS.md (the section is created at the end of the file)."""
    append_under(section, text, intro="Runs, newest last.\n", gap="\n\n", path=path)


def run(args, pipeline) -> int:
    """`rag bench retrieval`: every style x configuration; print the table, write JSON, append to BENCHMARKS.md."""
    settings = pipeline.settings
    queries = keyword_sets(settings)["eval"] + load_hand_written(settings.eval_dir)
    queries += multihop_queries(settings, getattr(args, "multihop", None) or "sample")
    names = [c.strip() for c in (getattr(args, "configs", None) or ",".join(CONFIGS)).split(",")]
    results = {}
    for name in names:
        log.info("config %s: %d queries", name, len(queries))
        results[name] = run_config(retriever_for(pipeline, CONFIGS[name]), queries)
    table = markdown_table(results, STYLES)
    print(table)
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    output = Path(getattr(args, "output", None) or "docs/bench/retrieval-latest.json")
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps({"date": stamp, "machine": machine(), "results": results}, indent=1))
    if not getattr(args, "no_record", False):
        note = getattr(args, "note", None) or ""
        append_section(f"### {stamp}{' — ' + note if note else ''}\n\n{table}\n\nmachine: {machine()}")
    return 0
