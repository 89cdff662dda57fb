"""Fit the span model (rag/answer/span_choice.py) on the development snippet sets and report it.

    python -m rag.bench.train_spans [--fit n5,n7,...] [--test n6,n8,...] [--write]

For every answerable factoid question of a set (its texts indexed alone, as `rag bench snippets` does), the question's
likeliest sentences are found as the answer layer finds them, and every span of the asked type in them is a row:
positive when it holds an accepted answer. Reported, per question: how often the span the rules give (today's
answer) holds the answer, and how often the model's best span does, leave-one-set-out over the fitted sets
(question-disjoint: a set's questions and texts are never in its own fit) and on the test sets the fit never saw.
The likeliest sentences are put in the reader's order first, as the answer layer does before it chooses a span.
The shipped model (session 49) is fitted on the reader's 69 training sets (train_reader.TRAIN_SETS, the default) and
judged on its held-out ones: `--test n11,n16,...,n95` (train_reader.HELD_OUT; docs/BENCHMARKS.md, session 49).
"""

from __future__ import annotations

import argparse
import json
import pickle
import tempfile
from pathlib import Path

import numpy as np

from ..answer.extractive import rank_answers, reader_order, rule_answer, span_texts, with_keyword_names
from ..answer.span_choice import MODEL_PATH, SPAN_FEATURES, SPAN_KINDS, option_features, options, pool
from ..answer.spans import multi_part
from ..evaluation.harness import contains_gold
from ..retrieval.analysis import analyse_question
from .snippets import SNIPPETS_DIR, read_questions
from .train_reader import TRAIN_SETS


def collect(pipeline, folder: Path) -> list[dict]:
    """Return one record per answerable factoid question of a set: option rows, their labels, the rule's result."""
    records = []
    with tempfile.TemporaryDirectory(prefix="rag-spans-") as index_dir:
        own = type(pipeline)(pipeline.settings, embedder=pipeline.embedder, index_dir=Path(index_dir))
        own.ingest(folder / "texts")
        for q in read_questions(folder):
            if not q["answerable"]:
                continue
            analysis = analyse_question(q["question"], own.lexical.known_sources, own.settings.date_slack_days)
            if analysis.kind not in SPAN_KINDS or (multi_part(analysis) and analysis.kind in ("person", "organisation",
                                                                                          "place")):
                continue
            hits = own.retrieve(q["question"], k=own.settings.answer_passages)
            bodies = {h.article_id: a.body for h in hits if (a := own.docs.article(h.article_id))}
            analysis = with_keyword_names(analysis, hits)
            ranked = rank_answers(analysis, hits, own.sentence_encoder, own.answer_model, bodies)
            if not ranked:
                continue
            texts = span_texts(hits, bodies)
            threshold = own.answer_model.threshold
            if not (analysis.plan and analysis.plan.sources) and not multi_part(analysis):  # as compose_answer does
                ranked = reader_order(q["question"], analysis, ranked, threshold)
            rule, _ = rule_answer(analysis, ranked, texts, threshold)
            records.append({"set": folder.name, "question": q["question"], "analysis": analysis, "texts": texts,
                            "sentences": pool(ranked, threshold), "answers": q["answers"],
                            "rule": contains_gold(rule or "", q["answers"])})
    return records


def rows(records: list[dict]) -> list[dict]:
    """Add each record's option rows ("x"), labels ("y") and spans."""
    for r in records:
        found = options(r["analysis"], r["sentences"], r["texts"])
        r["x"] = option_features(r["analysis"], found, r["sentences"]).tolist()
        r["y"] = [contains_gold(o.text, r["answers"]) for o in found]
        r["spans"] = [o.text for o in found]
    return records


def fit(records: list[dict], c: float = 0.1, pairwise: bool = False) -> dict:
    """Return a linear scorer (JSON spec) fitted on the options of these records, pairwise: within a question, each
    option holding the answer against each that does not (only the order within a question matters)."""
    from sklearn.linear_model import LogisticRegression

    x = np.array([row for r in records for row in r["x"]])
    mean, scale = x.mean(axis=0), x.std(axis=0) + 1e-9
    pairs = []
    for r in records:
        rows_, labels = (np.array(r["x"]) - mean) / scale if r["x"] else np.zeros((0, len(mean))), r["y"]
        pairs += [rows_[i] - rows_[j] for i, good in enumerate(labels) if good
                  for j, bad in enumerate(labels) if not bad]
    if pairwise:
        pairs = np.array(pairs)
        model = LogisticRegression(C=c, max_iter=2000, fit_intercept=False).fit(
            np.vstack([pairs, -pairs]), np.r_[np.ones(len(pairs)), np.zeros(len(pairs))])
    else:  # each option on its own, the two classes weighed alike
        labels = np.array([label for r in records for label in r["y"]])
        model = LogisticRegression(C=c, max_iter=2000, class_weight="balanced").fit((x - mean) / scale, labels)
    return {"features": list(SPAN_FEATURES), "mean": mean.tolist(), "scale": scale.tolist(),
            "weights": model.coef_[0].tolist(), "bias": 0.0}


def score(spec: dict, records: list[dict]) -> dict:
    """Return, over the records' questions, the share the rules answer right and the share the model's pick does."""
    weights, bias = np.array(spec["weights"]), spec["bias"]
    mean, scale = np.array(spec["mean"]), np.array(spec["scale"])
    model_right = 0
    for r in records:
        if r["x"]:
            scores = ((np.array(r["x"]) - mean) / scale) @ weights + bias
            model_right += bool(r["y"][int(np.argmax(scores))])
    n = len(records)
    return {"questions": n, "rule": round(sum(r["rule"] for r in records) / max(1, n), 3),
            "model": round(model_right / max(1, n), 3),
            "any_span_right": round(sum(any(r["y"]) for r in records) / max(1, n), 3)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fit", default=",".join(TRAIN_SETS), help="development sets to fit on")
    parser.add_argument("--test", default="", help="sets never fitted on, reported as aggregates")
    parser.add_argument("--cache", default="", help="a pickle file of collected records to reuse or write")
    parser.add_argument("--write", action="store_true", help=f"write the fitted model to {MODEL_PATH}")
    args = parser.parse_args(argv)
    from ..config import Settings
    from ..pipeline import Pipeline

    names = [n for n in args.fit.split(",") if n] + [n for n in args.test.split(",") if n]
    cache = Path(args.cache) if args.cache else None
    records = pickle.loads(cache.read_bytes()) if cache and cache.exists() else []
    have = {r["set"] for r in records}
    if missing := [n for n in names if n not in have]:
        pipeline = Pipeline(Settings())
        for name in missing:
            records += collect(pipeline, SNIPPETS_DIR / name)
        if cache:
            cache.write_bytes(pickle.dumps(records))
    rows(records)
    fitted = [n for n in args.fit.split(",") if n]
    report = {}
    for name in fitted:  # leave one set out
        spec = fit([r for r in records if r["set"] in fitted and r["set"] != name])
        report[f"left out {name}"] = score(spec, [r for r in records if r["set"] == name])
    spec = fit([r for r in records if r["set"] in fitted])
    for name in [n for n in args.test.split(",") if n]:
        report[f"test {name}"] = score(spec, [r for r in records if r["set"] == name])
    report["test, all"] = score(spec, [r for r in records if r["set"] not in fitted])
    print(json.dumps(report, indent=1))
    print(json.dumps(dict(zip(SPAN_FEATURES, np.round(spec["weights"], 2).tolist()))))
    if args.write:
        MODEL_PATH.write_text(json.dumps(spec, indent=1) + "\n")
        print(f"wrote {MODEL_PATH}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
