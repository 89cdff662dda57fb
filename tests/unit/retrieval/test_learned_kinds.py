"""The question-kind model: the rules' fallback for a question with no asking word, read with NumPy alone."""

import numpy as np
import pytest

from rag.answer.extractive import with_learned_kind
from rag.bench.train_kinds import fit
from rag.retrieval.analysis import analyse_question
from rag.retrieval.kinds import LEARNED_KIND_FLOOR, kind_of, learned_kind, model_text


def test_the_numpy_reading_gives_scikit_learns_probabilities():
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = [("s", q, k) for q, k in [
        ("harbour lights viewers", "number"), ("how many people came", "number"), ("ferry crossing attendance", "number"),
        ("who found the dog", "person"), ("spaniel found by", "person"), ("who scored the winner", "person"),
        ("where is the depot", "place"), ("marathon start and finish", "place"), ("where did it finish", "place"),
        ("how much was the fee", "money"), ("transfer fee paid", "money"), ("how much did it cost", "money")]]
    spec = fit(rows)
    vectoriser = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)
    matrix = vectoriser.fit_transform([model_text(q) for _, q, _ in rows])
    model = LogisticRegression(C=30.0, max_iter=5000).fit(matrix, [k for _, _, k in rows])
    for question in ("who found the ferry", "how many viewers watched the finish", "spaniel fee"):
        expected = model.predict_proba(vectoriser.transform([model_text(question)]))[0]
        kind, probability = kind_of(spec, question)
        assert kind == model.classes_[int(np.argmax(expected))]
        assert probability == pytest.approx(expected.max(), abs=1e-4)


@pytest.mark.parametrize("question, kind", [
    ("lifeboat crew rescued how many", "number"),  # wordings (none in the fitted sets) the rules leave open
    ("museum break-in suspects arrested how many", "number"),
    ("stolen tractor eventually recovered by", "person"),
    ("library temporary home", "place"),
])
def test_the_shipped_model_reads_queries_the_rules_leave_open(question, kind):
    assert analyse_question(question).kind == "open"
    learned, probability = learned_kind(question)
    assert learned == kind and probability >= LEARNED_KIND_FLOOR
    assert with_learned_kind(analyse_question(question)).kind == kind


@pytest.mark.parametrize("question", [
    "why did the gorsebrook ferry stop running?",  # a cause, not a thing of a kind
    "how many passengers did the gorsebrook ferry carry?",  # the rules' kind stands
    "what did the mayor say about the ferry?",  # what was said
])
def test_the_model_does_not_overrule_the_rules_or_a_cause(question):
    analysis = analyse_question(question)
    assert with_learned_kind(analysis).kind == analysis.kind
