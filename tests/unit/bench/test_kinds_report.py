"""The question-kind fit report (rag.bench.train_kinds.judged): accuracy and what it does to open keyword queries."""

import numpy as np

from rag.bench.train_kinds import judged

# "workforce" reads as a number (sure), anything else as "other"
SPEC = {"encoder": "toy", "vocabulary": ["workforce"], "idf": [1.0], "dims": 1, "classes": ["number", "other"],
        "weights": [[6.0, 0.0], [0.0, 0.0]], "bias": [0.0, 1.0]}


def _row(question, kind, rules, keyword=True):
    return {"set": "n0", "question": question, "kind": kind, "rules": rules, "keyword": keyword}


def test_judged_counts_accuracy_and_only_open_keyword_queries_as_placed():
    rows = [_row("castwell workforce", "number", "open"),  # placed, rightly
            _row("harlow workforce", "money", "open"),  # placed, wrongly
            _row("How big is the workforce?", "number", "open", keyword=False),  # a full question: not placed
            _row("why did it close", "other", "open"),  # read as other: not placed
            _row("quint workforce", "number", "number")]  # the rules give a kind: not placed
    report = judged(SPEC, rows, np.zeros((len(rows), 1)))
    assert report["questions"] == 5
    assert report["model"] == 0.8  # all but the money one
    assert report["rules"] == 0.4  # "other" for open, right for "why" and "quint"
    assert (report["rules_open_keyword"], report["placed"], report["placed_right"]) == (3, 2, 1)
