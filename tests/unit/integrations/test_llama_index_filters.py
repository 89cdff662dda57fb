"""llama-index MetadataFilters -> Pipeline.retrieve filters, and Hit -> node (ids and URL hidden from the LLM)."""

from datetime import date

import pytest
from llama_index.core.schema import MetadataMode
from llama_index.core.vector_stores.types import FilterCondition, FilterOperator, MetadataFilter, MetadataFilters

from rag.errors import RagError
from rag.integrations.llama_index import NewsRetriever, filters_to_kwargs, hit_to_node
from rag.types import Hit


def filters(*items: tuple) -> MetadataFilters:
    return MetadataFilters(filters=[MetadataFilter(key=k, operator=op, value=v) for k, op, v in items])


def test_no_filters_mean_no_keywords():
    assert filters_to_kwargs(None) == {} and filters_to_kwargs(MetadataFilters(filters=[])) == {}


def test_source_equality_and_membership_accumulate():
    got = filters_to_kwargs(filters(("source", FilterOperator.EQ, "BBC"),
                                    ("source", FilterOperator.IN, ["CNN", "Fortune"])))
    assert got == {"sources": ["BBC", "CNN", "Fortune"]}


def test_published_ranges_and_equality_become_since_until():
    got = filters_to_kwargs(filters(("published", FilterOperator.GTE, "2023-10-01"),
                                    ("published", FilterOperator.LTE, "2023-12-31T00:00:00")))
    assert got == {"since": date(2023, 10, 1), "until": date(2023, 12, 31)}
    assert filters_to_kwargs(filters(("published", FilterOperator.EQ, "2024-01-05"))) == {
        "since": date(2024, 1, 5), "until": date(2024, 1, 5)}


def test_unsupported_keys_operators_nesting_and_dates_are_errors_not_silent():
    with pytest.raises(RagError, match="Filter author =="):
        filters_to_kwargs(filters(("author", FilterOperator.EQ, "x")))
    with pytest.raises(RagError, match="Filter source !="):
        filters_to_kwargs(filters(("source", FilterOperator.NE, "BBC")))
    with pytest.raises(RagError, match="not a date"):
        filters_to_kwargs(filters(("published", FilterOperator.GTE, "last week")))
    nested = MetadataFilters(filters=[filters(("source", FilterOperator.EQ, "BBC"))], condition=FilterCondition.OR)
    with pytest.raises(RagError, match="Nested MetadataFilters"):
        filters_to_kwargs(nested)


def test_node_keeps_ids_and_url_out_of_the_llm_text():
    hit = Hit(article_id="a-17", title="Rate decision", source="CNBC", published=date(2023, 11, 1),
              url="https://example.org/fed", text="The Fed held rates.", score=0.9, start=5, end=24, chunk_id="a-17:0")
    node = hit_to_node(hit)
    llm_text = node.node.get_content(MetadataMode.LLM)
    assert "The Fed held rates." in llm_text and "CNBC" in llm_text and "2023-11-01" in llm_text
    assert "a-17" not in llm_text and "example.org" not in llm_text
    assert node.node.metadata["url"] == "https://example.org/fed" and node.score == 0.9
    assert node.node.node_id == "a-17:0"


def test_retriever_is_a_module_level_class_that_passes_filters():
    calls = []

    class RecordingPipeline:  # pure logic: what NewsRetriever asks the pipeline for
        def retrieve(self, query, k, **kwargs):
            calls.append((query, k, kwargs))
            return []

    retriever = NewsRetriever(RecordingPipeline(), 3, filters(("source", FilterOperator.EQ, "BBC")), until="2024-01-01")
    assert retriever.retrieve("rates") == [] and NewsRetriever.__qualname__ == "NewsRetriever"
    assert calls == [("rates", 3, {"sources": ["BBC"], "until": "2024-01-01"})]
