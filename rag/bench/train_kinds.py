"""Fit the question-kind model (rag/answer/kinds.py): `python -m rag.bench.train_kinds [--write]`.

Every question of the development snippet sets is labelled with the kind of thing it asks for (qa.jsonl "type":
person, organisation, place, date, number, money; anything else, "other"). A multinomial logistic model (C=10) is
fitted on the tf-idf of its words and word pairs together with its sentence vector (the answer layer's encoder).
Reported: accuracy leave-one-set-out over the development sets and on the held-out sets (never fitted on), against
the rules' kinds (read from the question alone, before retrieval), and for the keyword queries the rules read as open,
how many the model places (at CONFIDENT) and how many of those rightly. About a minute.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter

import numpy as np

from ..answer.kinds import CONFIDENT, MODEL_PATH, OTHER
from ..retrieval.analysis import analyse_question
from .snippets import SNIPPETS_DIR, read_questions
from .train_reader import HELD_OUT

DEV_SETS = ("n5", "n7", "n9", "n10", "n17", "n18", "n19", "n20", "n21", "n22", "n23", "n24", "n25", "n26", "n30",
            "n32", "n34", "n36", "n37", "n39", "n41", "n42", "n43", "n46", "n47")
KINDS = ("person", "organisation", "place", "date", "number", "money")


def labelled(sets) -> list[dict]:
    """Return the sets' questions with their labelled kind and the kind the rules give (analysis before retrieval)."""
    rows = []
    for name in sets:
        for q in read_questions(SNIPPETS_DIR / name):
            analysis = analyse_question(q["question"])
            rows.append({"set": name, "question": q["question"], "kind": q["type"] if q["type"] in KINDS else OTHER,
                         "rules": analysis.kind, "keyword": analysis.is_keyword})
    return rows


def fit(rows: list[dict], vectors: np.ndarray, encoder: str, c: float = 10.0) -> dict:
    """Return the JSON spec of a model fitted on these questions."""
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
    words = vectorizer.fit_transform([r["question"] for r in rows])
    model = LogisticRegression(C=c, max_iter=5000).fit(hstack([words, csr_matrix(vectors)]).tocsr(),
                                                       [r["kind"] for r in rows])
    vocabulary = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.get)
    return {"encoder": encoder, "vocabulary": vocabulary, "idf": vectorizer.idf_.round(6).tolist(),
            "dims": int(vectors.shape[1]), "classes": model.classes_.tolist(), "weights": model.coef_.round(6).tolist(),
            "bias": model.intercept_.round(6).tolist()}


def judged(spec: dict, rows: list[dict], vectors: np.ndarray) -> dict:
    """Return the model's and the rules' accuracy over the rows, and what the model does to the rules' open ones."""
    from ..answer.kinds import KindModel

    model = KindModel(spec)
    picked = []
    for row, vector in zip(rows, vectors):
        p = model.probabilities(row["question"], vector)
        picked.append((max(p, key=p.get), max(p.values())))
    placed = [(kind, row) for (kind, p), row in zip(picked, rows)  # (the answer layer asks about keyword queries)
              if row["rules"] == "open" and row["keyword"] and kind != OTHER and p >= CONFIDENT]
    return {"questions": len(rows), "model": round(np.mean([k == r["kind"] for (k, _), r in zip(picked, rows)]), 3),
            "rules": round(np.mean([(r["rules"] if r["rules"] in KINDS else OTHER) == r["kind"] for r in rows]), 3),
            "rules_open_keyword": sum(r["rules"] == "open" and r["keyword"] for r in rows), "placed": len(placed),
            "placed_right": sum(kind == row["kind"] for kind, row in placed)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"write the model fitted on every set to {MODEL_PATH}")
    args = parser.parse_args(argv)
    from ..index.embed import encode_sentences
    from ..pipeline import Pipeline

    encoder = Pipeline().embedder
    dev, held = labelled(DEV_SETS), labelled(HELD_OUT)
    dev_vectors = encode_sentences(encoder, [r["question"] for r in dev])
    held_vectors = encode_sentences(encoder, [r["question"] for r in held])
    report = Counter()
    for name in DEV_SETS:  # leave one set out
        inside = np.array([r["set"] != name for r in dev])
        spec = fit([r for r, i in zip(dev, inside) if i], dev_vectors[inside], encoder.name)
        part = judged(spec, [r for r, i in zip(dev, inside) if not i], dev_vectors[~inside])
        report.update({k: part[k] * (part["questions"] if k in ("model", "rules") else 1) for k in part})
    n = report["questions"]
    print(json.dumps({"leave one set out": {**dict(report), "model": round(report["model"] / n, 3),
                                            "rules": round(report["rules"] / n, 3)}}))
    spec = fit(dev, dev_vectors, encoder.name)
    print(json.dumps({"held-out sets": judged(spec, held, held_vectors)}))
    if args.write:
        MODEL_PATH.write_text(json.dumps(spec) + "\n")
        print(f"wrote {MODEL_PATH} ({MODEL_PATH.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
