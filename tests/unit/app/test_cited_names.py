"""A lower-case search-box query takes the names its answer's cited sentences write."""

from rag.app.service import with_cited_names
from rag.types import Answer, Citation


def _answer(quote, refused=False):
    citation = Citation(article_id="a", title="t", n=1, quote=quote, start=0, end=len(quote), score=1.0)
    return Answer(question="q", text=quote, refused=refused, citations=[] if refused else [citation])


def test_a_word_the_cited_sentence_writes_as_a_name_mid_sentence_is_capitalised():
    quote = "Manchester United completed the signing of Andre Onana from Inter Milan for £47.2m."
    assert with_cited_names("onana fee", _answer(quote)) == "Onana fee"
    assert with_cited_names("inter milan keeper", _answer(quote)) == "Inter Milan keeper"


def test_no_name_or_a_refusal_gives_none():
    assert with_cited_names("transfer fee", _answer("The fee was £47.2m, the club said.")) is None
    assert with_cited_names("Signing fee", _answer("Signing Onana cost £47.2m.")) is None  # only an opening capital
    assert with_cited_names("onana fee", _answer("The corpus does not say.", refused=True)) is None


def test_a_question_typed_in_lower_case_without_pronouns_may_name_its_own_topic():
    from rag.app.service import _typed_lower

    assert _typed_lower("what was sam bankman-fried found guilty of?")
    assert not _typed_lower("how many counts was he found guilty on?")  # "he": the conversation's
    assert not _typed_lower("What was Sam Bankman-Fried found guilty of?")  # its capitals say its names
