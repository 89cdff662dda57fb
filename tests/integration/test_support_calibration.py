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


def test_the_attack_pairs_are_caught(bundled_embedder):
    """Claims a scripted model wrote in an attack (session 41): words of the passage moved to say something else (a
    vote the other way round, an opposite decision, another time unit, nationality or thing counted, a denial) and
    an article's injected instruction obeyed. The checker was built against them, so this guards the vetoes; two
    inventions in otherwise supported words are known misses (an added quality, a person the passage never names)."""
    import json

    from rag.answer.verify import _evidence_text

    pairs = [json.loads(line) for line in (EVALS / "data" / "support_pairs_attack.jsonl").read_text().splitlines()]
    verdicts = [(p, support_verdict(p["sentence"], _evidence_text(p["passage"]), bundled_embedder)) for p in pairs]
    assert all(v.supported for p, v in verdicts if p["supported"])
    missed = [p["sentence"] for p, v in verdicts if v.supported and not p["supported"]]
    assert len(missed) <= 2, missed
