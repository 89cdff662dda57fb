"""A question naming several outlets gets a passage from each of them when the ranking holds one."""

from datetime import date

from rag.retrieval.question import SubQuery
from rag.retrieval.retriever import cover_outlets
from rag.types import Chunk


def _chunk(i: int, source: str, published: date | None = None) -> Chunk:
    return Chunk(id=f"c{i}", text="...", start=0, end=3, article_id=f"a{i}", title="t", source=source,
                 published=published)


def test_an_outlet_crowded_out_of_the_top_gets_its_best_passage():
    chunks = [_chunk(0, "Independent"), _chunk(1, "The Age"), _chunk(2, "Independent"), _chunk(3, "Independent"),
              _chunk(4, "BBC News"), _chunk(5, "BBC News")]
    parts = [SubQuery("who ... Independent", ["Independent"]), SubQuery("The Age, and", ["The Age"]),
             SubQuery("BBC News?", ["BBC News"])]
    chosen = cover_outlets([0, 1, 2, 3, 4, 5], chunks, parts, 4)
    assert chosen == [0, 1, 2, 4]  # BBC's best passage replaces the lowest-ranked Independent one, not The Age's


def test_the_passage_a_part_needs_is_never_the_one_given_up():
    chunks = [_chunk(0, "Independent"), _chunk(1, "The Age"), _chunk(2, "BBC News")]
    parts = [SubQuery("a", ["Independent"]), SubQuery("b", ["The Age"]), SubQuery("c", ["BBC News"])]
    # every place is needed by a part already covered: nothing is swapped
    assert cover_outlets([0, 1, 2], chunks, parts, 2) == [0, 1]


def test_a_part_whose_outlet_or_dates_the_ranking_lacks_changes_nothing():
    chunks = [_chunk(0, "TechCrunch", date(2023, 10, 1)), _chunk(1, "TechCrunch", date(2023, 10, 2)),
              _chunk(2, "The Verge", date(2023, 9, 1))]
    parts = [SubQuery("a", ["TechCrunch"]), SubQuery("b", ["The Verge"], date(2023, 10, 5), date(2023, 10, 7))]
    assert cover_outlets([0, 1, 2], chunks, parts, 2) == [0, 1]  # The Verge's only passage is outside the window
    assert cover_outlets([0, 1, 2], chunks, [], 2) == [0, 1]  # no outlets named: the ranking as it is
