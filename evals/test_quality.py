"""Quality floors for real answers (evals/thresholds.toml): each test checks one family of metrics."""

import pytest

pytestmark = pytest.mark.slow


def _below(measured: dict, floors: dict, metrics: tuple[str, ...]) -> list[str]:
    return [f"{m} = {measured.get(m)} < {floors[m]}" for m in metrics
            if m in floors and (measured.get(m) is None or measured[m] < floors[m])]


def _section(evaluation, thresholds, name):
    if name not in evaluation["summary"]:
        pytest.skip(evaluation["skipped"] or f"no {name} questions in this run")
    return evaluation["summary"][name], thresholds.get(name, {})


@pytest.mark.parametrize("dataset", ["seed", "style2", "style3", "style4", "style5", "style6", "multihop"])
def test_citations_are_faithful(evaluation, thresholds, dataset):
    measured, floors = _section(evaluation, thresholds, dataset)
    assert not _below(measured, floors, ("citation_precision", "fully_supported"))


@pytest.mark.parametrize("dataset", ["seed", "style2", "style3", "style4", "style5", "style6", "multihop"])
def test_answers_are_correct(evaluation, thresholds, dataset):
    measured, floors = _section(evaluation, thresholds, dataset)
    assert not _below(measured, floors, ("correct", "word_overlap"))


@pytest.mark.parametrize("dataset", ["seed", "style2", "style3", "style4", "style5", "style6", "multihop"])
def test_refuses_unanswerable_and_answers_answerable(evaluation, thresholds, dataset):
    measured, floors = _section(evaluation, thresholds, dataset)
    assert not _below(measured, floors, ("refusal_tnr", "answered_when_answerable"))


@pytest.mark.parametrize("dataset", ["seed", "style2", "style3", "style4", "style5", "style6", "multihop"])
def test_retrieval_finds_the_gold_evidence(evaluation, thresholds, dataset):
    measured, floors = _section(evaluation, thresholds, dataset)
    assert not _below(measured, floors, ("hits4", "hits10", "mrr10"))


def test_support_checker_is_calibrated(evaluation, thresholds):
    calibration = evaluation["calibration"]
    assert not _below(calibration, thresholds["support_checker"], ("precision", "recall")), calibration["mistakes"]


def test_every_question_is_reported(evaluation):
    records = evaluation["questions"]
    assert records and all(r["answer"] and "scores" in r and "timings" in r for r in records)
    assert all(r["citations"] or r["refused"] for r in records)
