"""`pytest evals/`: run the eval suite once per session (behind the network guard), write the report, share it.

The default is a fixed sample over a small cached index (evals/.cache/); `pytest evals/ --full` (or RAG_EVAL_FULL=1)
asks every MultiHop-RAG dev question over the configured full index.
"""

from __future__ import annotations

import sys

import pytest

from rag.config import Settings
from rag.evaluation.report import check_thresholds, load_thresholds, write_report
from rag.evaluation.harness import run_evaluation

_RESULT = pytest.StashKey[dict]()


def pytest_addoption(parser):
    parser.addoption("--full", action="store_true", help="evals: every MultiHop-RAG dev question, full index")


def _progress_bars():
    from tqdm import tqdm

    bars: dict[str, tqdm] = {}

    def update(stage: str, done: int, total: int) -> None:
        bar = bars.get(stage) or bars.setdefault(stage, tqdm(total=total, desc=f"eval: {stage}", file=sys.stderr))
        bar.update(done - bar.n)
        if done >= total:
            bar.close()

    return update


@pytest.fixture
def evaluation(request, network_guard, bundled_embedder) -> dict:
    """The suite's result (run on first use, with a progress bar); the report is written when it finishes."""
    stash = request.config.stash
    if _RESULT not in stash:
        settings = Settings(**({"eval_full": True} if request.config.getoption("--full") else {}))
        with request.config.pluginmanager.getplugin("capturemanager").global_and_fixture_disabled():
            result = run_evaluation(settings, progress=_progress_bars(), embedder=bundled_embedder)
        result["failures"] = check_thresholds(result, load_thresholds(settings.eval_dir / "thresholds.toml"))
        report = write_report(result, result["failures"], settings.eval_dir / "report")
        print(f"\neval report: {report}", file=sys.stderr)
        stash[_RESULT] = result
    return stash[_RESULT]


@pytest.fixture
def thresholds() -> dict:
    return load_thresholds(Settings().eval_dir / "thresholds.toml")
