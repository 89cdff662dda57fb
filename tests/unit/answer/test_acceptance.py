"""The acceptance check's features of a chosen answer, and its model file."""

import json

import numpy as np
import pytest

from rag.answer.acceptance import FEATURES, AcceptModel, Chosen, features, load_accept_model, span_window
from rag.retrieval.analysis import analyse_question

CAPACITY = "The centre can see up to 180 patients a day, the trust said."


def _row(question, short, sentence, context="", article="", retrieved=""):
    chosen = Chosen(short=short, sentence=sentence, context=context, article=article or sentence, support=1.5,
                    second=0.5, retrieved=retrieved, rank=0)
    return dict(zip(FEATURES, features(analyse_question(question), chosen)))


def test_the_window_is_the_span_with_its_neighbours():
    assert span_window("180", CAPACITY, width=3) == "see up to 180 patients a day,"
    assert span_window("999", CAPACITY) == CAPACITY  # not in the sentence: the whole sentence


def test_what_the_question_asks_and_the_sentence_does_not_say_is_counted():
    near_miss = _row("how many patients did the new urgent treatment centre see in its first month?", "180", CAPACITY)
    answered = _row("how many patients can the urgent treatment centre see a day?", "180", CAPACITY,
                    context="Urgent treatment centre opens")
    assert near_miss["missing_near"] > answered["missing_near"]
    assert near_miss["coverage_near"] < answered["coverage_near"]
    assert near_miss["hedged"] == 1.0 and near_miss["hedged_for_done"] == 1.0  # "up to": a capacity, not a count
    assert near_miss["kind_count"] == 1.0 and near_miss["no_short"] == 0.0


def test_a_span_far_from_the_asked_words_is_far():
    sentence = "Revenue rose 7% to £412m, while Harwick, the chief executive, said 11 stores would open next year."
    near = _row("how many stores will open?", "11", sentence)
    far = _row("how many stores will open?", "£412m", sentence)
    assert near["distance"] < far["distance"]


def test_words_only_other_articles_say_are_counted_apart():
    row = _row("calverdown 2023 charity total", "£352,000", "£352,000 has been pledged so far.",
               context="Calverdown Half 2024", retrieved="The 2023 race raised £310,000 for charity.")
    assert row["elsewhere"] > 0 and row["years_near"] == 0.0


def test_a_model_for_other_features_is_refused_with_the_command_to_retrain(tmp_path):
    spec = {"features": ["support"], "mean": [0], "scale": [1], "weights": [1], "bias": 0, "threshold": 0.5}
    with pytest.raises(ValueError, match="train_accept"):
        AcceptModel(spec)
    assert load_accept_model(tmp_path / "missing.json") is None  # no model: every answer is given


def test_the_probability_is_logistic_in_the_standardised_features(tmp_path):
    n = len(FEATURES)
    spec = {"features": list(FEATURES), "mean": [0.0] * n, "scale": [1.0] * n,
            "weights": [1.0] + [0.0] * (n - 1), "bias": -1.5, "threshold": 0.5}
    (tmp_path / "m.json").write_text(json.dumps(spec))
    model = load_accept_model(tmp_path / "m.json")
    row = np.zeros(n)
    row[0] = 1.5
    assert model.probability(row) == pytest.approx(0.5)
    row[0] = 3.0
    assert model.probability(row) > 0.8
