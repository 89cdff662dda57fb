"""A lower-case search-box query in a conversation (ChatService for real: bundled MiniLM, Chroma in tmp_path): one
that names a topic of its own is asked as it stands ("onana fee" after questions about Amazon), and the names it
turned out to hold carry to the follow-ups after it."""

import pytest

from rag import Pipeline
from rag.app.service import ChatService

pytestmark = pytest.mark.slow

TEXTS = {
    "deal.txt": """---
title: Brackenvault agrees to buy Tarrowby Freight
source: Harrowgate Business Wire
date: 2024-03-02
---
Brackenvault Logistics has agreed to buy Tarrowby Freight for £705m in cash, after an earlier approach of £640m was
rejected. The deal needs approval from the competition regulator.
""",
    "transfer.txt": """---
title: Ravensworth joins Orrisdale United
source: Northline Sport
date: 2024-07-11
---
Striker Bethan Ravensworth has joined Orrisdale United from Fallowby Rangers for a fee of £2.4m, the club said on
Thursday. Ravensworth, 24, scored 19 goals last season and signed a four-year contract.
""",
}


@pytest.fixture
def service(tmp_path, bundled_embedder):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in TEXTS.items():
        (corpus / name).write_text(text)
    pipeline = Pipeline(index_dir=tmp_path / "index", corpus_dir=corpus, embedder=bundled_embedder)
    pipeline.ingest(corpus)
    return ChatService(pipeline)


def test_a_keyword_query_naming_a_new_topic_is_asked_as_it_stands_and_its_name_carries(service):
    previous = [service.ask("How much is Brackenvault paying for Tarrowby Freight?").query]
    fee = service.ask("ravensworth fee", previous)
    assert fee.query == "Ravensworth fee" and not fee.answer.refused and fee.answer.short == "£2.4m"
    assert any("new question" in note for note in fee.notes)
    previous.append(fee.query)
    goals = service.ask("how many goals did she score last season?", previous)
    assert "Ravensworth" in goals.query and "Brackenvault" not in goals.query  # the new topic carries
    assert not goals.answer.refused and "19" in (goals.answer.short or "")


def test_a_keyword_query_that_names_nothing_stays_a_follow_up(service):
    previous = [service.ask("How much is Brackenvault paying for Tarrowby Freight?").query]
    earlier = service.ask("earlier approach", previous)
    assert "Brackenvault" in earlier.query and not any("new question" in note for note in earlier.notes)
