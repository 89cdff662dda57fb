"""Fit the question-kind model (rag/retrieval/models/question_kinds.json) and report it.

    python -m rag.bench.train_kinds [--fit n5,n7,...] [--test n6,n8,...] [--write]

Every question of the development snippet sets (answerable and near-miss alike: a near-miss asks for the same kind of
thing) is a row labelled with its set's `type` (person, organisation, place, number, money, date, yes-no; any other
type is "open"). Reported: accuracy leave-one-set-out over the fitted sets (question-disjoint: a set's questions are
never in its own fit) and on the test sets the fit never saw, money and number counted alike (the answer layer reads a
sum for both), with the rules' own accuracy beside it and that of the rules with the model's fallback. Build-time
only (pip install 'newsrag-offline[train]').
"""

from __future__ import annotations

import argparse
import json

import numpy as np

from ..retrieval.analysis import question_kind
from ..retrieval.kinds import KINDS_MODEL_PATH, LEARNED_KIND_FLOOR, kind_of, model_text
from .snippets import SNIPPETS_DIR, read_questions
from .train_reader import DEV_SETS

FIT_SETS = DEV_SETS + ("n37", "n39", "n41", "n42", "n43", "n46", "n47")
_LABELS = {"person": "person", "organisation": "organisation", "place": "place", "number": "number",
           "money": "money", "date": "date", "yesno": "yesno", "yes-no": "yesno"}


def labelled(sets: list[str]) -> list[tuple[str, str, str]]:
    """Return (set, question, kind) rows of the sets."""
    return [(name, q["question"], _LABELS.get(q["type"], "open"))
            for name in sets for q in read_questions(SNIPPETS_DIR / name)]


def fit(rows: list[tuple[str, str, str]], c: float = 30.0) -> dict:
    """Return the model's JSON spec fitted on the rows."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectoriser = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)  # (a term of one question: noise)
    matrix = vectoriser.fit_transform([model_text(q) for _, q, _ in rows])
    model = LogisticRegression(C=c, max_iter=5000).fit(matrix, [kind for _, _, kind in rows])
    return {"classes": model.classes_.tolist(), "vocabulary": {t: int(i) for t, i in vectoriser.vocabulary_.items()},
            "idf": np.round(vectoriser.idf_, 5).tolist(), "coef": np.round(model.coef_, 5).tolist(),
            "intercept": np.round(model.intercept_, 5).tolist()}


def _same(a: str, b: str) -> bool:
    return a == b or {a, b} == {"number", "money"}


def accuracy(spec: dict, rows: list[tuple[str, str, str]]) -> dict:
    """Return the model's, the rules' and the rules-with-fallback accuracy over the rows."""
    model = rules = both = 0
    for _, question, kind in rows:
        learned, probability = kind_of(spec, question)
        ruled = question_kind(question)
        model += _same(learned, kind)
        rules += _same(ruled, kind)
        both += _same(learned if ruled == "open" and learned not in ("open", "yesno") and probability >= LEARNED_KIND_FLOOR
                      else ruled, kind)
    n = max(1, len(rows))
    return {"questions": len(rows), "model": round(model / n, 3), "rules": round(rules / n, 3),
            "rules_then_model": round(both / n, 3)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fit", default=",".join(FIT_SETS), help="development sets to fit on")
    parser.add_argument("--test", default="", help="sets never fitted on, reported as aggregates")
    parser.add_argument("--write", action="store_true", help=f"write the fitted model to {KINDS_MODEL_PATH}")
    args = parser.parse_args(argv)
    fitted = [n for n in args.fit.split(",") if n]
    tests = [n for n in args.test.split(",") if n]
    rows = labelled(fitted)
    held = [r for name in fitted for r in [accuracy(fit([x for x in rows if x[0] != name]),
                                                    [x for x in rows if x[0] == name])]]
    n = sum(r["questions"] for r in held)
    report = {"leave one set out": {k: round(sum(r[k] * r["questions"] for r in held) / n, 3)
                                    for k in ("model", "rules", "rules_then_model")} | {"questions": n}}
    spec = fit(rows)
    if tests:
        report["test"] = accuracy(spec, labelled(tests))
    print(json.dumps(report, indent=1))
    if args.write:
        KINDS_MODEL_PATH.write_text(json.dumps(spec, separators=(",", ":")) + "\n")
        print(f"wrote {KINDS_MODEL_PATH} ({KINDS_MODEL_PATH.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
