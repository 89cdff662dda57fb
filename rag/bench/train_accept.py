"""Train the acceptance model (rag/answer/models/acceptance.json): `python -m rag.bench.train_accept`.

Data: the snippet sets named by --train (folders of evals/data/snippets, each indexed on its own as `rag bench
snippets` does). Every one-article factoid question the pipeline would answer gives one row: the FEATURES of its
chosen answer, labelled 1 when the direct answer holds an accepted answer, else 0 (a near-miss answered, or a wrong
span). A logistic model is fitted on them; its threshold is chosen on question-disjoint k-fold predictions to keep the
most right answers and refuse the most wrong ones (a near-miss refused counts 1, a wrong span on an answerable
question refused 0.5: refusing is better than a wrong answer, but the question stays unanswered). The sets never
named by --train stay held out: `rag bench snippets` judges the model on them.
"""

from __future__ import annotations

import argparse
import json
import logging
import tempfile
from pathlib import Path

import numpy as np

from ..answer.acceptance import FEATURES, features, model_path
from ..evaluation.harness import contains_gold
from .snippets import SNIPPETS_DIR, read_questions

log = logging.getLogger(__name__)
REFUSED_NEAR_MISS, REFUSED_WRONG = 1.0, 0.5


def collect(pipeline, folder: Path) -> list[dict]:
    """Return one row per answered one-article factoid question of a snippet set: features, label, what it was."""
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="rag-accept-") as index_dir:
        own = type(pipeline)(pipeline.settings, embedder=pipeline.embedder, index_dir=Path(index_dir))
        own.ingest(folder / "texts")
        for q in read_questions(folder):
            seen: list = []

            def record(analysis, chosen, seen=seen):
                seen.append((features(analysis, chosen), chosen.short))
                return True

            own.accept = record
            answer = own.ask(q["question"])
            if not seen or answer.refused:
                continue
            row, short = seen[-1]
            right = bool(q["answerable"]) and contains_gold(short or "", q["answers"])
            rows.append({"set": folder.name, "id": q["id"], "features": row.tolist(), "label": int(right),
                         "near_miss": not q["answerable"]})
    return rows


def _utility(rows: list[dict], probabilities: np.ndarray, threshold: float) -> float:
    total = 0.0
    for row, p in zip(rows, probabilities):
        if p >= threshold:
            total += row["label"]
        elif not row["label"]:
            total += REFUSED_NEAR_MISS if row["near_miss"] else REFUSED_WRONG
    return total


def _fit(x: np.ndarray, y: np.ndarray, c: float):
    from sklearn.linear_model import LogisticRegression

    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=c, max_iter=2000).fit((x - mean) / scale, y)
    return mean, scale, model


def cross_validate(rows: list[dict], c: float, folds: int = 5, seed: int = 0) -> np.ndarray:
    """Return out-of-fold probabilities (rows are questions, so folds are question-disjoint)."""
    x = np.array([r["features"] for r in rows])
    y = np.array([r["label"] for r in rows])
    order = np.random.default_rng(seed).permutation(len(rows))
    out = np.zeros(len(rows))
    for k in range(folds):
        test = order[k::folds]
        train = np.setdiff1d(order, test)
        mean, scale, model = _fit(x[train], y[train], c)
        out[test] = model.predict_proba((x[test] - mean) / scale)[:, 1]
    return out


def choose_threshold(rows: list[dict], probabilities: np.ndarray) -> float:
    """Return the threshold with the best utility on out-of-fold probabilities (the lowest of equals: answer when in
    doubt)."""
    grid = np.round(np.arange(0.05, 0.8, 0.01), 2)
    scores = [_utility(rows, probabilities, t) for t in grid]
    return float(grid[int(np.argmax(scores))])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", nargs="+", required=True, help="snippet sets to train on (folder names)")
    parser.add_argument("--c", type=float, default=0.3, help="inverse regularisation strength")
    parser.add_argument("--rows", type=Path, help="cache of collected rows (JSON lines), read when present")
    parser.add_argument("--output", type=Path, default=model_path())
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.rows and args.rows.exists():
        rows = [json.loads(line) for line in args.rows.read_text().splitlines()]
    else:
        from ..pipeline import Pipeline

        pipeline = Pipeline()
        rows = [row for name in args.train for row in collect(pipeline, SNIPPETS_DIR / name)]
        if args.rows:
            args.rows.write_text("".join(json.dumps(r) + "\n" for r in rows))
    rows = [r for r in rows if r["set"] in args.train]
    x = np.array([r["features"] for r in rows])
    y = np.array([r["label"] for r in rows])
    oof = cross_validate(rows, args.c)
    threshold = choose_threshold(rows, oof)
    base = _utility(rows, np.ones(len(rows)), 0.5)
    kept = sum(r["label"] for r, p in zip(rows, oof) if p >= threshold)
    refused = sum(1 for r, p in zip(rows, oof) if p < threshold and not r["label"] and r["near_miss"])
    log.info("%d rows (%d right, %d near-miss answered, %d wrong spans); k-fold at %.2f: %d of %d right kept, "
             "%d of %d near-misses refused; utility %.1f (answer all: %.1f)", len(rows), int(y.sum()),
             sum(r["near_miss"] for r in rows), sum(1 for r in rows if not r["label"] and not r["near_miss"]),
             threshold, kept, int(y.sum()), refused, sum(r["near_miss"] for r in rows),
             _utility(rows, oof, threshold), base)
    mean, scale, model = _fit(x, y, args.c)
    args.output.write_text(json.dumps({
        "features": list(FEATURES), "mean": mean.round(6).tolist(), "scale": scale.round(6).tolist(),
        "weights": model.coef_[0].round(6).tolist(), "bias": round(float(model.intercept_[0]), 6),
        "threshold": threshold, "trained_on": sorted(args.train), "rows": len(rows), "c": args.c}, indent=1) + "\n")
    log.info("weights: %s", dict(zip(FEATURES, model.coef_[0].round(2).tolist())))
    log.info("wrote %s", args.output)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
