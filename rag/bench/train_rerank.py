"""Train the rerankers (rag/retrieval/rerank/models/reranker*.json) on MultiHop-RAG dev questions: `python -m rag.bench.train_rerank`.

Two models: one on every feature (lexical + MiniLM similarity), one on the lexical features alone (used while
candidates have no vectors yet).

Labels: a candidate chunk is positive when it holds a gold evidence fact (the official hit rule). The questions of
the eval suite's fixed sample are left out, so `pytest evals/` stays held out. Prints question-disjoint k-fold
figures (the honest estimate) before fitting on every training question. Needs scikit-learn (a dependency of
sentence-transformers) at training time only; the saved model is plain JSON scored with numpy.
"""

from __future__ import annotations

import argparse
import json
import logging
from pathlib import Path

import numpy as np

from ..config import Settings
from ..evaluation.multihop import load_questions, score_ranking, summarise
from ..retrieval.rerank import FEATURES, LEXICAL_FEATURES, MODELS, TreeModel, model_path
from ..text import squash

log = logging.getLogger(__name__)
# 400 rounds with scikit-learn's early stopping on a 10% validation split; 200/15 leaves and 100/0.1 scored lower
PARAMS = {"max_iter": 400, "learning_rate": 0.05, "max_leaf_nodes": 31, "random_state": 0}


def build_rows(pipeline, questions) -> list[dict]:
    """Return, per answerable question, its candidates' feature matrix, labels and texts."""
    from tqdm import tqdm

    from ..retrieval.retriever import HybridRetriever

    retriever = HybridRetriever.from_settings(pipeline.docs, pipeline.lexical, pipeline.vectors, pipeline.embedder,
                                              pipeline.settings)
    rows = []
    for q in tqdm(questions, desc="features", unit=" q", dynamic_ncols=True):
        chunks, matrix = retriever.candidate_features(q.question)
        facts = [squash(f) for f in q.facts]
        labels = np.array([any(f in squash(c.text) for f in facts) for c in chunks])
        rows.append({"question": q, "matrix": matrix, "labels": labels, "texts": [c.text for c in chunks]})
    return rows


def fit(rows: list[dict]):
    """Return a HistGradientBoostingClassifier fitted on the rows."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    return HistGradientBoostingClassifier(**PARAMS).fit(np.vstack([r["matrix"] for r in rows]),
                                                        np.concatenate([r["labels"] for r in rows]))


def export(model, features: tuple[str, ...] = FEATURES) -> dict:
    """Return the JSON form of a fitted binary HistGradientBoostingClassifier (read by rerank.TreeModel)."""
    trees = []
    for (predictor,) in model._predictors:
        nodes = predictor.nodes
        trees.append({"feature": nodes["feature_idx"].tolist(), "threshold": nodes["num_threshold"].tolist(),
                      "left": nodes["left"].tolist(), "right": nodes["right"].tolist(),
                      "leaf": nodes["is_leaf"].astype(bool).tolist(), "value": nodes["value"].tolist()})
    return {"features": list(features), "baseline": float(np.ravel(model._baseline_prediction)[0]),
            "params": PARAMS, "trees": trees}


def evaluate(rows: list[dict], scores: list[np.ndarray]) -> dict:
    """Return the official metrics of ranking each question's candidates by the given scores."""
    ranked = []
    for row, score in zip(rows, scores):
        order = np.argsort(-score, kind="stable")[:10]
        ranked.append((row["question"].kind, score_ranking([row["texts"][i] for i in order], row["question"].facts)))
    return summarise(ranked)


def cross_validate(rows: list[dict], folds: int = 5, features: tuple[str, ...] = FEATURES) -> dict:
    """Return metrics of question-disjoint k-fold predictions (each question scored by a model that never saw it)."""
    order = np.random.RandomState(0).permutation(len(rows))
    scores: list[np.ndarray | None] = [None] * len(rows)
    for fold in range(folds):
        test = set(order[fold::folds].tolist())
        model = TreeModel(export(fit([r for i, r in enumerate(rows) if i not in test]), features))
        for i in test:
            scores[i] = model.score(rows[i]["matrix"])
    return evaluate(rows, scores)


def main(argv: list[str] | None = None) -> int:
    """Build features over an index holding the MultiHop-RAG articles, report k-fold figures, save the model."""
    from ..evaluation.harness import load_multihop_questions
    from ..pipeline import Pipeline

    parser = argparse.ArgumentParser(prog="python -m rag.bench.train_rerank", description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, help="index holding the MultiHop-RAG articles (default: settings)")
    parser.add_argument("--output-dir", type=Path, default=MODELS)
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    settings = Settings(**({"index_dir": args.index} if args.index else {}))
    pipeline = Pipeline(settings)
    path = settings.bench_dir / "questions-dev.jsonl"
    held_out = {q.id for q in load_multihop_questions(path, settings.eval_sample, settings.eval_seed)}
    answerable = [q for q in load_questions(path) if q.answerable]
    questions = [q for q in answerable if q.id not in held_out]
    log.info("training on %d answerable dev questions (%d eval-suite questions held out)", len(questions),
             len(held_out))
    rows = build_rows(pipeline, questions)
    if any(r["matrix"].shape[1] != len(FEATURES) for r in rows):
        raise RuntimeError("candidates lack vectors: run `rag ingest` on the index until every chunk is embedded")
    held_rows = build_rows(pipeline, [q for q in answerable if q.id in held_out])
    log.info("fused order: %s", json.dumps(evaluate(rows, [r["matrix"][:, 0] for r in rows])["overall"]))
    for features in (FEATURES, LEXICAL_FEATURES):
        subset = [dict(r, matrix=r["matrix"][:, :len(features)]) for r in rows]
        log.info("%s, %d-fold: %s", "all features" if features == FEATURES else "lexical only", args.folds,
                 json.dumps(cross_validate(subset, args.folds, features)["overall"]))
        model = fit(subset)
        spec = export(model, features)
        trees = TreeModel(spec)
        matrix = np.vstack([r["matrix"] for r in subset])
        if not np.allclose(trees.score(matrix), model.decision_function(matrix), atol=1e-6):
            raise RuntimeError("exported trees do not reproduce scikit-learn's scores; the export format changed")
        held = evaluate(held_rows, [trees.score(r["matrix"][:, :len(features)]) for r in held_rows])
        log.info("  eval-suite questions (held out): %s", json.dumps(held["overall"]))
        spec["trained_on"] = {"questions": len(questions), "candidates": int(len(matrix)),
                              "positives": int(sum(r["labels"].sum() for r in rows))}
        output = args.output_dir / model_path(features == FEATURES).name
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(json.dumps(spec, separators=(",", ":")))
        log.info("  model written to %s (%d trees)", output, len(spec["trees"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
