"""MultiHop-RAG data and its official metric, in one place: the question loader and the hit rule.

Official rule (upstream retrieval_evaluate.py): a retrieved chunk is a hit when a gold evidence fact, with all
whitespace removed, is a substring of the chunk text with all whitespace removed. Only answerable questions count.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import RagError
from ..text import squash

METRICS = ("hits@4", "hits@10", "map@10", "mrr@10", "fact_recall@10")


@dataclass
class BenchQuestion:
    """One MultiHop-RAG question with its gold evidence facts."""

    id: str
    question: str
    kind: str
    answerable: bool
    facts: list[str] = field(default_factory=list)
    answer: str = ""
    gold_article_ids: list[str] = field(default_factory=list)
    gold_articles: list[tuple[str, str]] = field(default_factory=list)  # (title, source) of each evidence article

    def is_gold(self, hit) -> bool:
        """Return True when a retrieved hit comes from one of the question's evidence articles. Matched by title and
        outlet: an index gives articles its own ids (where the file came from), not MultiHop-RAG's."""
        return hit.article_id in self.gold_article_ids or (hit.title, hit.source) in self.gold_articles


def load_questions(path: Path, limit: int | None = None) -> list[BenchQuestion]:
    """Return the first `limit` questions of a MultiHop-RAG questions file (all of them when limit is None)."""
    if not path.exists():
        raise RagError(f"{path} not found. Pass --questions PATH or set RAG_BENCH_DIR to the MultiHop-RAG data "
                       "(the directory holding questions-dev.jsonl and articles.jsonl).")
    questions = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if limit is not None and len(questions) >= limit:
                break
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                questions.append(BenchQuestion(
                    id=record.get("id", f"line-{number}"), question=record["question"],
                    kind=record.get("question_type", "unknown"),
                    answerable=bool(record.get("answerable", record.get("question_type") != "null_query")),
                    facts=[e["fact"] for e in record.get("evidence", [])], answer=record.get("answer", ""),
                    gold_article_ids=list(record.get("gold_article_ids", [])),
                    gold_articles=[(e["title"], e["source"]) for e in record.get("evidence", []) if "title" in e]))
            except (ValueError, KeyError, TypeError) as exc:
                raise RagError(f"{path}: line {number} is not a MultiHop-RAG question ({exc!r}). Each line needs "
                               "'question', 'question_type' and 'evidence' [{'fact': ...}]; fix or remove it.") from exc
    return questions


def score_ranking(texts: Sequence[str], facts: Sequence[str], k: int = 10) -> dict[str, float]:
    """Return Hits@4, Hits@10, MAP@10, MRR@10 and FactRecall@10 for one ranked list of chunk texts.

    MAP@10 follows upstream: at each hit rank r, add (gold facts first found at r) / r; divide by min(#facts, 10).
    """
    gold = [squash(f) for f in facts]
    found: set[int] = set()
    first_hit, precision_sum, hit4 = 0, 0.0, False
    for rank, text in enumerate(texts[:k], 1):
        chunk = squash(text)
        matched = {i for i, fact in enumerate(gold) if fact and fact in chunk}
        if not matched:
            continue
        first_hit = first_hit or rank
        hit4 = hit4 or rank <= 4
        precision_sum += len(matched - found) / rank
        found |= matched
    return {
        "hits@4": float(hit4), "hits@10": float(first_hit > 0),
        "map@10": precision_sum / min(len(gold), 10) if gold else 0.0,
        "mrr@10": 1.0 / first_hit if first_hit else 0.0,
        "fact_recall@10": len(found) / len(gold) if gold else 0.0,
    }


def summarise(rows: Sequence[tuple[str, dict[str, float]]]) -> dict[str, dict[str, float]]:
    """Return mean metrics overall and per question type from (question type, scores) rows, with counts."""
    groups: dict[str, list[dict[str, float]]] = {"overall": [s for _, s in rows]}
    for kind, scores in rows:
        groups.setdefault(kind, []).append(scores)
    return {name: {"n": len(group)} | {m: round(sum(s[m] for s in group) / len(group), 4) for m in METRICS}
            for name, group in groups.items() if group}


def is_hit(text: str, facts: Sequence[str]) -> bool:
    """Return True when the chunk text holds any gold fact by the official rule."""
    chunk = squash(text)
    return any(fact and squash(fact) in chunk for fact in facts)


def first_relevant_rank(texts: Sequence[str], facts: Sequence[str], k: int = 10) -> int | None:
    """Return the 1-based rank of the first of the top k texts holding a gold fact (official rule), or None."""
    return next((rank for rank, text in enumerate(texts[:k], 1) if is_hit(text, facts)), None)
