"""newsrag as llama-index parts: a BaseRetriever over a Pipeline (imports llama-index; load this module lazily)."""

from __future__ import annotations

from datetime import date

from llama_index.core.base.base_retriever import BaseRetriever
from llama_index.core.schema import NodeWithScore, QueryBundle, TextNode
from llama_index.core.vector_stores.types import FilterOperator, MetadataFilters

from ..errors import RagError
from ..types import Hit

# What an LLM never needs to read: ids and links stay in the metadata for the caller, out of the prompt.
HIDDEN_FROM_LLM = ["article_id", "url", "chunk_id"]


def hit_to_node(hit: Hit) -> NodeWithScore:
    """Return a Hit as a llama-index node with score; article id and URL are kept out of the LLM's view."""
    node = TextNode(
        id_=hit.chunk_id or None, text=hit.text, start_char_idx=hit.start, end_char_idx=hit.end,
        metadata={"article_id": hit.article_id, "chunk_id": hit.chunk_id, "title": hit.title, "source": hit.source,
                  "published": hit.published.isoformat() if hit.published else "", "url": hit.url},
        excluded_llm_metadata_keys=list(HIDDEN_FROM_LLM), excluded_embed_metadata_keys=list(HIDDEN_FROM_LLM))
    return NodeWithScore(node=node, score=hit.score)


def filters_to_kwargs(filters: MetadataFilters | None) -> dict:
    """Return Pipeline.retrieve keyword filters (sources, since, until) from llama-index MetadataFilters.

    Understood: `source` with == or in; `published` with >, >=, <, <= or == (ISO dates). Anything else is an error
    naming the filter, not a silent no-op.
    """
    result: dict = {}
    if filters is None:
        return result
    for item in filters.filters:
        if isinstance(item, MetadataFilters):
            raise RagError("Nested MetadataFilters are not supported by the newsrag retriever; pass flat filters "
                           "on 'source' and 'published'.")
        if item.key == "source" and item.operator in (FilterOperator.EQ, FilterOperator.IN):
            values = item.value if isinstance(item.value, list) else [item.value]
            result.setdefault("sources", []).extend(str(v) for v in values)
        elif item.key == "published" and item.operator in (FilterOperator.GT, FilterOperator.GTE, FilterOperator.EQ):
            result["since"] = _iso(item.value)
            if item.operator == FilterOperator.EQ:
                result["until"] = result["since"]
        elif item.key == "published" and item.operator in (FilterOperator.LT, FilterOperator.LTE):
            result["until"] = _iso(item.value)
        else:
            raise RagError(f"Filter {item.key} {item.operator.value} is not supported by the newsrag retriever; "
                           "use 'source' (== or in) and 'published' (>=, <=, ==, ISO dates).")
    return result


def _iso(value) -> date:
    try:
        return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise RagError(f"'{value}' is not a date for the 'published' filter. Use YYYY-MM-DD.") from exc


class NewsRetriever(BaseRetriever):
    """newsrag hybrid retrieval (BM25 + dense + learned reranker) as a llama-index retriever."""

    def __init__(self, pipeline, k: int = 10, filters: MetadataFilters | None = None, **retrieve_filters):
        super().__init__()
        self._pipeline = pipeline
        self._k = k
        self._filters = filters_to_kwargs(filters) | retrieve_filters

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        hits = self._pipeline.retrieve(query_bundle.query_str, k=self._k, **self._filters)
        return [hit_to_node(hit) for hit in hits]
