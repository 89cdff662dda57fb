"""The support checker with the real bundled MiniLM, on the labelled pairs that calibrated it."""

from pathlib import Path

import pytest

from rag.answer.support import support_verdict
from rag.evaluation.report import load_thresholds
from rag.evaluation.harness import calibrate_support_checker, load_support_pairs

pytestmark = pytest.mark.slow
EVALS = Path(__file__).parents[2] / "evals"


def test_precision_and_recall_on_the_labelled_pairs_meet_the_floors(bundled_embedder):
    result = calibrate_support_checker(load_support_pairs(EVALS / "data" / "support_pairs.jsonl"), bundled_embedder)
    floors = load_thresholds(EVALS / "thresholds.toml")["support_checker"]
    assert result["precision"] >= floors["precision"] and result["recall"] >= floors["recall"], result["mistakes"]
    assert result["kinds"]["swapped_number"]["right"] >= result["kinds"]["swapped_number"]["n"] - 1  # one known miss
    assert result["kinds"]["unrelated"]["right"] == result["kinds"]["unrelated"]["n"]


def test_verdicts_with_the_bundled_model(bundled_embedder):
    passage = "Rutte met with Ukrainian leader Volodymyr Zelensky during a surprise visit to the port city of Odesa."
    assert support_verdict("NATO chief Rutte met Zelensky in Odesa.", passage, bundled_embedder).supported
    assert not support_verdict("NATO chief Rutte met Zelensky in Kyiv.", passage, bundled_embedder).supported
