"""The learned question kind (rag/answer/kinds.py): its arithmetic on a tiny spec, and when it is used at all."""

import math

import numpy as np

import rag.answer.kinds as kinds
from rag.answer.kinds import KindModel, learned_kind, terms

SPEC = {"encoder": "toy", "vocabulary": ["workforce", "combined workforce", "why"], "idf": [2.0, 3.0, 1.0], "dims": 2,
        "classes": ["number", "other"], "weights": [[4.0, 0.0, -4.0, 0.0, 0.0], [0.0, 0.0, 4.0, 0.0, 1.0]],
        "bias": [0.0, 0.0]}


class Toy:
    name = "toy"

    def encode(self, texts):
        return np.array([[1.0, 0.0]] * len(texts))


def test_terms_are_words_and_word_pairs_lower_cased():
    assert terms("Combined workforce, combined") == {"combined": 2, "workforce": 1, "combined workforce": 1,
                                                    "workforce combined": 1}


def test_probabilities_are_a_softmax_over_sublinear_tf_idf_and_the_vector():
    model = KindModel(SPEC)
    p = model.probabilities("combined workforce", np.array([1.0, 0.0]))
    row = np.array([2.0, 3.0, 0.0]) / math.hypot(2.0, 3.0)  # "workforce" and "combined workforce", l2-normalised
    logits = np.array([4.0 * row[0], 0.0])
    expected = np.exp(logits) / np.exp(logits).sum()
    assert math.isclose(p["number"], expected[0]) and math.isclose(p["other"], expected[1])


def test_a_sure_span_kind_is_given_and_other_or_unsure_is_not(monkeypatch):
    monkeypatch.setattr(kinds, "_MODEL", [KindModel(SPEC)])
    assert learned_kind("castwell combined workforce", Toy()) == "number"
    assert learned_kind("why", Toy()) is None  # "other": no span is asked for
    assert learned_kind("why nothing known here", Toy()) is None  # 0.5 / 0.5: not sure enough


def test_a_question_without_a_word_the_model_has_read_is_not_placed(monkeypatch):
    spec = {**SPEC, "bias": [5.0, 0.0]}  # sure of "number" for any vector
    monkeypatch.setattr(kinds, "_MODEL", [KindModel(spec)])
    assert learned_kind("workforce", Toy()) == "number"
    assert learned_kind("?!?... ,;:", Toy()) is None
    assert learned_kind("nothing known here", Toy()) is None


def test_an_embedder_the_model_was_not_fitted_with_is_not_read(monkeypatch):
    monkeypatch.setattr(kinds, "_MODEL", [KindModel(SPEC)])
    other = Toy()
    other.name = "hash-bag-of-words"
    assert learned_kind("castwell combined workforce", other) is None


def test_a_spec_whose_weights_do_not_fit_its_vocabulary_is_refused():
    import pytest

    with pytest.raises(ValueError, match="train_kinds"):
        KindModel({**SPEC, "dims": 3})
