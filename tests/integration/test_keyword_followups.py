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


def indexed(tmp_path, embedder, texts: dict[str, str]) -> Pipeline:
    """Return a pipeline over the texts, written as files and ingested into an index in tmp_path."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in texts.items():
        (corpus / name).write_text(text)
    pipeline = Pipeline(index_dir=tmp_path / "index", corpus_dir=corpus, embedder=embedder)
    pipeline.ingest(corpus)
    return pipeline


@pytest.fixture
def service(tmp_path, bundled_embedder):
    return ChatService(indexed(tmp_path, bundled_embedder, TEXTS))


def test_a_keyword_query_naming_a_new_topic_is_asked_as_it_stands_and_its_name_carries(service):
    previous = [service.ask("How much is Brackenvault paying for Tarrowby Freight?").query]
    fee = service.ask("ravensworth fee", previous)
    assert fee.query == "Ravensworth fee" and not fee.answer.refused and fee.answer.short == "£2.4m"
    # "ravensworth" is no ordinary word: the query names its own topic and is asked as typed, never first rewritten
    # with Brackenvault and then retried as a new question
    assert service.standalone_query("ravensworth fee", previous) == "ravensworth fee"
    assert not any("new question" in note for note in fee.notes)
    previous.append(fee.query)
    goals = service.ask("how many goals did she score last season?", previous)
    assert "Ravensworth" in goals.query and "Brackenvault" not in goals.query  # the new topic carries
    assert not goals.answer.refused and "19" in (goals.answer.short or "")


def test_a_keyword_query_that_names_nothing_stays_a_follow_up(service):
    previous = [service.ask("How much is Brackenvault paying for Tarrowby Freight?").query]
    earlier = service.ask("earlier approach", previous)
    assert "Brackenvault" in earlier.query and not any("new question" in note for note in earlier.notes)


def test_a_question_typed_in_lower_case_carries_its_names_to_the_follow_ups(service):
    first = service.ask("how much is brackenvault paying for tarrowby freight?")
    assert "Tarrowby" in first.query and not first.answer.refused  # as the cited sentence writes it
    approval = service.ask("whose approval does it need?", [first.query])
    assert "Tarrowby" in approval.query


def test_a_follow_up_the_conversation_leaves_unanswered_is_answered_as_typed(service):
    previous = [service.ask("How much is Brackenvault paying for Tarrowby Freight?").query]
    goals = service.ask("how many goals did the striker score last season?", previous)
    assert goals.query == "how many goals did the striker score last season?"
    assert not goals.answer.refused and "19" in (goals.answer.short or "")
    assert any("as a follow-up the articles do not answer it" in note for note in goals.notes)


QUAKE = {
    "quake.txt": """---
title: Carrowmore counts the cost of the earthquake
source: Westland Courier
date: 2024-05-09
---
Four people died in the earthquake that struck the Carrowmore valley on Tuesday, officials said. More than 200
homes were damaged and the main road to the coast remains closed.
""",
    "meetings.txt": """---
title: Finance ministers gather for annual meetings
source: Harrowgate Business Wire
date: 2024-10-12
---
Finance ministers from more than 180 countries met in Marrakesh, Morocco, this week for the annual meetings of the
lending agencies. Morocco's hosts said the talks on debt relief for poorer countries went on late into the night.
""",
}


def test_a_lower_case_name_that_no_retrieved_passage_holds_still_binds_the_answer(tmp_path, bundled_embedder):
    pipeline = indexed(tmp_path, bundled_embedder, QUAKE)
    # the passages retrieval ranked, less the one article that mentions Morocco: the corpus writes "Morocco" as a name
    # elsewhere, so a sentence about another earthquake does not answer the question
    question = "how many people died in the earthquake in morocco?"
    hits = [h for h in pipeline.retrieve(question, 8) if "Morocco" not in h.text]
    assert hits and pipeline.answer(question, hits).refused
    valley = pipeline.answer("how many people died in the earthquake in the carrowmore valley?", hits)
    assert not valley.refused and valley.short == "Four"


BOARD = {
    "interim.txt": """---
title: Tarrowby Freight names an interim chief executive
source: Harrowgate Business Wire
date: 2024-11-18
---
Tarrowby Freight has named its finance director Odile Brannock as interim chief executive after the board removed
Colm Hesketh on Friday. Brannock will lead the company while the board searches for a permanent replacement.
""",
    "permanent.txt": """---
title: Tarrowby Freight appoints a permanent chief executive
source: Harrowgate Business Wire
date: 2025-01-20
---
Tarrowby Freight has appointed Ines Varga, the former head of logistics firm Quillmarsh, as chief executive,
replacing Odile Brannock, who returns to her role as finance director. Varga starts on 3 March.
""",
}


def test_a_person_pronoun_after_a_who_question_refers_to_the_person_answered(tmp_path, bundled_embedder):
    service = ChatService(indexed(tmp_path, bundled_embedder, BOARD))
    first = service.ask("Who was named interim chief executive of Tarrowby Freight?")
    assert first.answer.short == "Odile Brannock" and "(answered: Odile Brannock)" in first.context
    replaced = service.ask("and who replaced her?", [first.context])
    assert "Odile Brannock" in replaced.query and replaced.answer.short == "Ines Varga"
    start = service.ask("when does she start?", [first.context, replaced.context])
    assert "Ines Varga" in start.query and "Odile Brannock" not in start.query
    assert not start.answer.refused and "3 March" in (start.answer.short or "")
