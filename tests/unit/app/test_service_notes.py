"""The notes a chat reply carries: the active filters in words."""

from rag.app.service import _filter_words


def test_active_filters_are_put_in_words():
    assert _filter_words(["WION"], "2023-11-01", "2023-11-30") == \
        "articles from WION published from 2023-11-01 until 2023-11-30"
    assert _filter_words(None, None, "2023-11-30") == "articles published until 2023-11-30"
    assert _filter_words(["A", "B"], None, None) == "articles from A or B"


def test_an_earlier_message_too_long_to_be_a_question_is_not_carried_into_a_follow_up():
    """A short follow-up after a 600,000-character earlier message was refused as "The question is 597692 characters
    long": the earlier message was glued onto it."""
    from types import SimpleNamespace

    from rag.app.service import ChatService

    service = ChatService.__new__(ChatService)
    service.pipeline = SimpleNamespace(llm_enabled=False)
    query = service.standalone_query("and how many died there?", ["What happened in Sumy?", "Kyiv " * 150_000])
    assert len(query) < 200 and "Sumy" in query
