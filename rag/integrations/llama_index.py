"""newsrag as llama-index parts: a BaseRetriever and a query engine over a Pipeline (imports llama-index; load this
module lazily)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from llama_index.core.base.base_query_engine import BaseQueryEngine
from llama_index.core.base.base_retriever import BaseRetriever
from llama_index.core.base.response.schema import Response
from llama_index.core.schema import NodeWithScore, QueryBundle, TextNode
from llama_index.core.vector_stores.types import FilterOperator, MetadataFilters

from ..errors import RagError
from ..types import Answer, Citation, Hit

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


def citation_to_node(citation: Citation) -> NodeWithScore:
    """Return a verified citation as a node: the cited passage as text, the quote, its span and number in metadata."""
    offset = citation.passage.find(citation.quote) if citation.passage else -1
    text = citation.passage if offset >= 0 else citation.quote
    start = citation.start - max(offset, 0)
    hit = Hit(**citation.article_ref(), text=text, score=citation.score, start=start, end=start + len(text),
              chunk_id=f"{citation.article_id}:{start}")
    node = hit_to_node(hit)
    node.node.metadata |= {"n": citation.n, "quote": citation.quote, "quote_start": citation.start,
                           "quote_end": citation.end}
    node.node.excluded_llm_metadata_keys += ["n", "quote_start", "quote_end"]
    return node


def answer_to_response(answer: Answer) -> Response:
    """Return an Answer as a llama-index Response whose source nodes are its verified citations, in [n] order."""
    return Response(response=answer.text, source_nodes=[citation_to_node(c) for c in answer.citations],
                    metadata={"refused": answer.refused, "backend": answer.backend, "note": answer.note,
                              "short": answer.short, "dropped": [asdict(d) for d in answer.dropped],
                              "timings": dict(answer.timings)})


class NewsQueryEngine(BaseQueryEngine):
    """newsrag question answering (retrieval, then an extractive or LLM answer verified sentence by sentence) as a
    llama-index query engine."""

    def __init__(self, pipeline, k: int | None = None, **retrieve_filters):
        super().__init__(callback_manager=None)
        self._pipeline = pipeline
        self._k = k
        self._filters = retrieve_filters

    def _get_prompt_modules(self) -> dict:
        return {}

    def _query(self, query_bundle: QueryBundle) -> Response:
        return answer_to_response(self._pipeline.ask(query_bundle.query_str, k=self._k, **self._filters))

    async def _aquery(self, query_bundle: QueryBundle) -> Response:
        return self._query(query_bundle)
