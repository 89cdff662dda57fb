"""Time words over the default corpus (611 articles: MultiHop-RAG's 2023-09-26..2023-12-25 and the 2025 seeds),
keyword-indexed with the real bundled model for answers."""

from datetime import date
from pathlib import Path

import pytest

from rag import Pipeline

pytestmark = pytest.mark.slow
CORPUS = Path(__file__).parents[2] / "corpus"
RELEVANT_SHARE = 0.3


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory, bundled_embedder):
    pipeline = Pipeline(index_dir=tmp_path_factory.mktemp("timewords") / "index", corpus_dir=CORPUS,
                        embedder=bundled_embedder)
    report = pipeline.ingest(CORPUS, embed=False)  # keyword search is enough here; the reranker goes lexical
    assert len(report.added) == 611 and not report.failed
    return pipeline


def test_latest_ranks_the_relevant_passages_newest_first(pipeline):
    plain = pipeline.retrieve("What happened to Sam Altman at OpenAI?", k=6)
    latest = pipeline.retrieve("What's the latest on Sam Altman at OpenAI?", k=6)
    assert "Altman" in latest[0].text or "OpenAI" in latest[0].text
    best = max(h.score for h in latest)
    relevant = [h.published for h in latest if h.score >= RELEVANT_SHARE * best]
    assert relevant == sorted(relevant, reverse=True) and latest[0].published == relevant[0]
    assert latest[0].published >= max(h.published for h in plain[:3])  # newer than what plain relevance puts first


def test_a_month_and_a_part_of_a_year_become_date_filters(pipeline):
    hits = pipeline.retrieve("What did TechCrunch report about layoffs in November 2023?", k=8)
    assert hits and all(date(2023, 11, 1) <= h.published <= date(2023, 11, 30) for h in hits)
    answer = pipeline.ask("Which companies announced layoffs in early 2024?")
    assert answer.refused  # the corpus has nothing from January-April 2024
    assert "2024-01-01 to 2024-04-30" in answer.note


def test_relative_words_use_the_newest_article_date_and_the_answer_says_which(pipeline):
    answer = pipeline.ask("Which Ukrainian city did Rutte visit last week?")
    assert not answer.refused and "Odesa" in answer.text
    assert "relative to 2025-04-15, the newest article date in the index" in answer.note
    assert all(c.published and c.published >= date(2025, 4, 8) for c in answer.citations)
    stale = pipeline.ask("What did Sam Altman say yesterday?")
    assert stale.refused and "2025-04-14 to 2025-04-14" in stale.note  # the 2023 articles are not "yesterday"
