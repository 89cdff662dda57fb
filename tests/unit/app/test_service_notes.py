"""The notes a chat reply carries: the active filters in words."""

from rag.app.service import _filter_words


def test_active_filters_are_put_in_words():
    assert _filter_words(["WION"], "2023-11-01", "2023-11-30") == \
        "articles from WION published from 2023-11-01 until 2023-11-30"
    assert _filter_words(None, None, "2023-11-30") == "articles published until 2023-11-30"
    assert _filter_words(["A", "B"], None, None) == "articles from A or B"
