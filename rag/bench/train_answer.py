"""Train the answerability model (rag/answer/models/answerability.json): `python -m rag.bench.train_answer`.

Data built offline from MultiHop-RAG dev over an index holding its articles, questions of the eval suite's sample
left out (so `pytest evals/` stays held out):
- every answerable question: its answer passages retrieved as `ask` does; a sentence is positive when it holds a
  gold evidence fact (or, for inference questions, the gold answer); the others are negatives;
- the same question asked again with its gold articles removed from the candidates (evidence removal): a question
  that must be refused, unless another article holds the evidence too (then its sentences are labelled as such);
- the null questions (no article answers them).
A logistic model on the answerability FEATURES is fitted on sentences; the refusal threshold is then chosen on
question-disjoint k-fold predictions (best probability among the sentences that pass the hard gates) to balance
answering answerable questions and refusing unanswerable ones.
The MultiHop-RAG question templates and where evidence sits in articles are not features.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
from pathlib import Path

import numpy as np

from ..answer.answerability import FEATURES, features, gates, model_path
from ..answer.extractive import evidence_items, hit_sentences, score_candidates
from ..config import Settings
from ..evaluation.multihop import load_questions
from ..retrieval.analysis import analyse_question
from ..text import squash

log = logging.getLogger(__name__)
# The shipped model was fitted on the first 400 dev questions (file order, eval sample left out); `rag bench answers`
# draws its held-out questions from beyond them, so a default run must not train on more
TRAINED_ON_FIRST = 400
_TOKEN = re.compile(r"[a-z0-9]+")


def holds_evidence(sentence: str, facts: list[str], answer: str = "") -> bool:
    """Return True when the sentence is (part of) a gold fact, or holds the gold answer of an inference question."""
    s = squash(sentence).lower()
    words = set(_TOKEN.findall(sentence.lower()))
    for fact in facts:
        f = squash(fact).lower()
        if s in f or f in s:
            return True
        shared = words & set(_TOKEN.findall(fact.lower()))
        if words and len(shared) / len(words) >= 0.7 and len(shared) / max(1, len(set(_TOKEN.findall(fact.lower())))) >= 0.5:
            return True
    return bool(answer) and len(answer) > 2 and answer.lower() in sentence.lower()


def question_rows(pipeline, question, hits, removed: bool) -> dict | None:
    """Return the feature matrix and labels of one question's shortlisted candidate sentences."""
    analysis = analyse_question(question.question, pipeline.lexical.known_sources,
                                pipeline.settings.date_slack_days)
    candidates = [c for rank, hit in enumerate(hits) for c in hit_sentences(hit, rank)]
    if not candidates:
        return None
    shortlist = score_candidates(analysis, candidates, pipeline.embedder)
    bodies = {h.article_id: a.body for h in hits if (a := pipeline.docs.article(h.article_id))}
    items = evidence_items(shortlist, bodies)
    matrix = features(analysis, items, np.array([c.similarity for c in shortlist]))
    passed = gates(analysis, items).all(axis=1)
    answer = question.answer if question.kind == "inference_query" else ""
    labels = np.array([question.answerable and holds_evidence(c.text, question.facts, answer) for c in shortlist])
    for item in items:
        item.article = ""  # gates read the sentence, its context and meta; the body is not kept in the cache
    return {"id": question.id, "kind": question.kind, "removed": removed, "matrix": matrix, "labels": labels,
            "passed": passed, "question": question.question, "items": items,
            "should_answer": bool(question.answerable and not removed) or bool(labels.any())}


def build_rows(pipeline, questions, k: int) -> list[dict]:
    """Return rows for every question, and an evidence-removal row for each answerable one."""
    from tqdm import tqdm

    rows = []
    for q in tqdm(questions, desc="answerability features", unit=" q", dynamic_ncols=True):
        pool = pipeline.retrieve(q.question, k=k * 5)  # the same ranking as k=k; its top k is what ask() reads
        if row := question_rows(pipeline, q, pool[:k], removed=False):
            rows.append(row)
        if q.answerable:
            kept = [h for h in pool if not q.is_gold(h)][:k]
            if row := question_rows(pipeline, q, kept, removed=True):
                rows.append(row)
    return rows


def fit(rows: list[dict]) -> dict:
    """Return the logistic model (standardised features) fitted on the rows' sentences."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    x = np.vstack([r["matrix"] for r in rows])
    y = np.concatenate([r["labels"] for r in rows])
    scaler = StandardScaler().fit(x)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    model = LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced").fit((x - scaler.mean_) / scale, y)
    return {"features": list(FEATURES), "mean": scaler.mean_.tolist(), "scale": scale.tolist(),
            "weights": model.coef_[0].tolist(), "bias": float(model.intercept_[0])}


def best_probability(spec: dict, row: dict) -> float:
    """Return the highest answer probability among one question's candidates that pass the hard gates."""
    matrix = row["matrix"]
    z = ((matrix - np.asarray(spec["mean"])) / np.asarray(spec["scale"])) @ np.asarray(spec["weights"]) + spec["bias"]
    probability = (1 / (1 + np.exp(-z))) * row["passed"]
    return float(probability.max()) if len(z) else 0.0


def decisions(rows: list[dict], best: list[float], threshold: float) -> dict:
    """Return answered-when-answerable and refused-when-not rates at a threshold, overall and by row kind."""
    answerable = [b for r, b in zip(rows, best) if r["should_answer"]]
    unanswerable = [b for r, b in zip(rows, best) if not r["should_answer"]]
    removed = [b for r, b in zip(rows, best) if r["removed"] and not r["should_answer"]]
    nulls = [b for r, b in zip(rows, best) if r["kind"] == "null_query"]
    rate = lambda values, answer: round(sum((v >= threshold) == answer for v in values) / len(values), 4) if values else None  # noqa: E731
    return {"threshold": round(threshold, 3), "answered": rate(answerable, True), "refused": rate(unanswerable, False),
            "evidence_removed_refused": rate(removed, False), "null_refused": rate(nulls, False),
            "n_answerable": len(answerable), "n_unanswerable": len(unanswerable)}


def choose_threshold(rows: list[dict], best: list[float]) -> float:
    """Return the threshold maximising the mean of answered-when-answerable and refused-when-not."""
    grid = np.linspace(0.05, 0.95, 91)
    return float(max(grid, key=lambda t: (lambda d: d["answered"] + d["refused"])(decisions(rows, best, t))))


def cross_validate(rows: list[dict], folds: int) -> tuple[list[float], float]:
    """Return question-disjoint out-of-fold best probabilities and the threshold chosen on them."""
    ids = sorted({r["id"] for r in rows})
    order = {qid: i for i, qid in enumerate(np.random.RandomState(0).permutation(ids))}
    best = [0.0] * len(rows)
    for fold in range(folds):
        test = [i for i, r in enumerate(rows) if order[r["id"]] % folds == fold]
        spec = fit([r for i, r in enumerate(rows) if order[r["id"]] % folds != fold])
        for i in test:
            best[i] = best_probability(spec, rows[i])
    return best, choose_threshold(rows, best)


def main(argv: list[str] | None = None) -> int:
    """Build features over an index holding the MultiHop-RAG articles, report k-fold figures, save the model."""
    from ..evaluation.harness import load_multihop_questions
    from ..pipeline import Pipeline

    parser = argparse.ArgumentParser(prog="python -m rag.bench.train_answer", description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, help="index holding the MultiHop-RAG articles (default: settings)")
    parser.add_argument("--limit", type=int, default=TRAINED_ON_FIRST,
                        help=f"only the first N training questions (default {TRAINED_ON_FIRST}: `rag bench answers` "
                             "draws its held-out questions from beyond them)")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/answerability-rows.npz"),
                        help="feature cache (rebuilt with --rebuild)")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--output", type=Path, default=model_path())
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    settings = Settings(**({"index_dir": args.index} if args.index else {}))
    pipeline = Pipeline(settings)
    if args.cache.exists() and not args.rebuild:
        rows = list(np.load(args.cache, allow_pickle=True)["rows"])
        for row in rows:  # the hard gates are recomputed, so they can change without rebuilding the features
            analysis = analyse_question(row["question"], pipeline.lexical.known_sources,
                                        settings.date_slack_days)
            row["passed"] = gates(analysis, row["items"]).all(axis=1)
    else:
        path = settings.bench_dir / "questions-dev.jsonl"
        held_out = {q.id for q in load_multihop_questions(path, settings.eval_sample, settings.eval_seed)}
        questions = [q for q in load_questions(path) if q.id not in held_out][:args.limit]
        log.info("building rows for %d dev questions (%d eval-suite questions held out)", len(questions),
                 len(held_out))
        rows = build_rows(pipeline, questions, settings.answer_passages)
        np.savez(args.cache, rows=np.array(rows, dtype=object))
    best, threshold = cross_validate(rows, args.folds)
    folds = decisions(rows, best, threshold)
    log.info("%d-fold (question-disjoint): %s", args.folds, json.dumps(folds))
    spec = fit(rows)
    spec["threshold"] = threshold
    spec["trained_on"] = {"rows": len(rows), "sentences": int(sum(len(r["labels"]) for r in rows)),
                          "positives": int(sum(r["labels"].sum() for r in rows)), "folds": folds}
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(spec, indent=1))
    log.info("weights: %s", json.dumps(dict(zip(FEATURES, np.round(spec["weights"], 3).tolist()))))
    log.info("model written to %s", args.output)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
