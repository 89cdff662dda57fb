"""News-aware query parsing (outlets, dates, before/after, per-outlet sub-queries) and the coverage reorder."""

from datetime import date

import pytest

from rag.retrieval.question import find_dates, find_sources, plan_query, source_aliases
from rag.retrieval.retriever import cover_query_terms

KNOWN = ("TechCrunch", "The Verge", "Fortune", "Cnbc | World Business News Leader", "The Age",
         "The Independent - Life and Style", "The Independent - Sports", "BBC News - Technology",
         "The New York Times", "Sporting News")


def named(question):
    return [sources for _, _, sources in find_sources(question, KNOWN)]


def test_outlets_are_matched_by_full_and_short_names():
    assert named("Did TechCrunch and The Verge both report it?") == [["TechCrunch"], ["The Verge"]]
    assert named("as reported by CNBC and the BBC") == [["Cnbc | World Business News Leader"],
                                                        ["BBC News - Technology"]]
    assert named("a New York Times piece") == [["The New York Times"]]


def test_a_shared_short_name_means_every_outlet_that_has_it_unless_one_is_named_in_full():
    assert named("The Independent says so") == [["The Independent - Life and Style", "The Independent - Sports"]]
    assert named("The Independent - Sports says so") == [["The Independent - Sports"]]


def test_ordinary_words_are_not_outlets():
    assert named("It cost a fortune at the age of ten") == []
    assert named("He made a Fortune-style bet") == []  # part of a hyphenated word


def test_aliases():
    assert source_aliases("Cnbc | World Business News Leader") == ["Cnbc | World Business News Leader", "Cnbc"]
    assert "BBC" in source_aliases("BBC News - Technology")


def test_dates_and_their_relation():
    mentions = find_dates("reported after October 4, 2023, and before Nov. 1, 2023, and on 2023-12-06")
    assert [(m.day, m.relation) for m in mentions] == [
        (date(2023, 10, 4), "after"), (date(2023, 11, 1), "before"), (date(2023, 12, 6), "on")]
    assert find_dates("published before the story on September 31, 2023") == []  # not a real day


def test_plan_splits_a_comparison_into_one_subquery_per_outlet_with_its_date():
    question = ("Between the TechCrunch report on Google published on October 31, 2023, and The Verge article "
                "on the antitrust suit published on December 15, 2023, was there a change?")
    plan = plan_query(question, KNOWN)
    assert plan.sources == ["TechCrunch", "The Verge"]
    first, second = plan.subqueries
    assert first.sources == ["TechCrunch"] and (first.since, first.until) == (date(2023, 10, 30), date(2023, 11, 1))
    assert first.text.startswith("Between the TechCrunch report on Google")
    assert "The Verge" not in first.text
    assert second.sources == ["The Verge"] and second.since == date(2023, 12, 14)
    assert [d.source for d in plan.dates] == ["TechCrunch", "The Verge"]


def test_plan_reads_open_date_ranges():
    plan = plan_query("Did the Sporting News coverage after October 4, 2023 change?", KNOWN)
    (sub,) = plan.subqueries
    assert sub.since == date(2023, 10, 4) and sub.until is None


def test_one_outlet_named_with_two_articles_dates_spans_both():
    question = ("Has the stance of the Fed as reported by The Age changed between the article published on "
                "October 1, 2023, and the one from November 5, 2023?")
    (sub,) = plan_query(question, KNOWN).subqueries
    assert (sub.since, sub.until) == (date(2023, 9, 30), date(2023, 11, 6))


def test_a_part_admits_only_its_outlets_articles_within_its_dates():
    question = ("Was the Fortune report published on October 31, 2023 consistent with the TechCrunch report "
                "after December 1, 2023?")
    fortune, techcrunch = plan_query(question, KNOWN).subqueries
    assert fortune.admits("Fortune", date(2023, 11, 1)) and not fortune.admits("Fortune", date(2023, 11, 2))
    assert not fortune.admits("TechCrunch", date(2023, 10, 31))
    assert techcrunch.admits("TechCrunch", date(2023, 12, 5)) and not techcrunch.admits("TechCrunch",
                                                                                        date(2023, 11, 30))
    assert fortune.admits("Fortune", None)  # an article of unknown date is not ruled out by the date


def test_names_used_as_outlets_that_the_index_lacks_are_kept_apart():
    plan = plan_query("Did a Bloomberg article and the TechCrunch report agree, as a Wall Street Journal piece "
                      "says?", KNOWN)
    assert plan.sources == ["TechCrunch"] and plan.unknown_outlets == ["Bloomberg", "Wall Street Journal"]
    for known_or_not_an_outlet in ("What did the New York Times article say?", "Did the Sunday report say so?",
                                   "Does the 'NBA Rookie of the Year Odds' article agree?",
                                   "Does the \"Big Short\" article agree?"):
        assert plan_query(known_or_not_an_outlet, KNOWN).unknown_outlets == [], known_or_not_an_outlet


def test_an_outlet_written_after_its_article_is_found():
    plan = plan_query("According to an article in The Times of India and another from The Hindu, who won?", KNOWN)
    assert plan.unknown_outlets == ["The Times of India", "The Hindu"]
    assert plan_query("What did an article in The Verge say?", KNOWN).unknown_outlets == []


def test_a_question_naming_no_outlet_has_no_subqueries():
    plan = plan_query("Who won the match on October 7, 2023?", KNOWN)
    assert plan.sources == [] and plan.subqueries == []
    assert plan.dates[0].source is None


def test_coverage_prefers_a_chunk_with_the_missing_part_of_the_question():
    fused = {"a1": 1.0, "a2": 0.95, "b1": 0.9}
    tokens = {"a1": {"googl", "antitrust"}, "a2": {"googl", "antitrust"}, "b1": {"search", "spend"}}
    weights = {"googl": 1.0, "antitrust": 1.0, "search": 1.0, "spend": 1.0}
    assert cover_query_terms(["a1", "a2", "b1"], fused, tokens, weights, k=2) == ["a1", "b1"]


def test_coverage_off_keeps_the_fused_order():
    fused = {"a1": 1.0, "a2": 0.95, "b1": 0.9}
    tokens = {"a1": {"x"}, "a2": {"x"}, "b1": {"y"}}
    assert cover_query_terms(["a1", "a2", "b1"], fused, tokens, {"x": 1.0, "y": 1.0}, k=3, strength=0.0) == \
        ["a1", "a2", "b1"]


@pytest.mark.parametrize("k", [0, 1, 5])
def test_coverage_returns_at_most_k(k):
    fused = {"a": 1.0, "b": 0.5}
    assert len(cover_query_terms(["a", "b"], fused, {}, {"t": 1.0}, k=k)) == min(k, 2)


def _chunk(chunk_id, text, source="TechCrunch"):
    from rag.types import Chunk

    return Chunk(id=chunk_id, article_id=chunk_id, text=text, start=0, end=len(text), title="t", source=source,
                 published=date(2023, 10, 7), url="")


def test_terms_in_reads_which_query_terms_each_chunk_holds_from_the_postings():
    from rag.index.lexical import LexicalIndex

    index = LexicalIndex.build([_chunk("a", "Google paid billions for search defaults"),
                                _chunk("b", "Publishers sued Google over antitrust harm"),
                                _chunk("c", "Rain delayed the rugby final", source="Sporting News")], generation=1)
    terms = index.query_tokens("Did Google pay for search while publishers sued over antitrust? Google!")
    assert terms.count("googl") == 1  # repeated words count once
    found = index.terms_in(terms, ["a", "b", "c"])
    assert {"googl", "search"} <= found["a"] and "antitrust" not in found["a"]
    assert {"googl", "antitrust", "publish"} <= found["b"]
    assert found["c"] == set()
    assert index.known_sources == ("Sporting News", "TechCrunch")
