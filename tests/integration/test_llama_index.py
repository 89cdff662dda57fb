"""newsrag as a llama-index retriever over a small real index (bundled MiniLM, Chroma in tmp_path): filters on
source and dates narrow the hits, and the text an LLM sees carries no ids or URLs."""

import json

import pytest
from llama_index.core.base.base_retriever import BaseRetriever
from llama_index.core.schema import MetadataMode
from llama_index.core.vector_stores.types import FilterOperator, MetadataFilter, MetadataFilters

from rag import Pipeline
from rag.errors import RagError
from rag.integrations.llama_index import NewsRetriever

pytestmark = pytest.mark.slow
ARTICLES = [
    {"id": "fed-oct", "title": "Fed holds rates steady in October", "source": "CNBC", "published": "2023-10-05",
     "url": "https://example.org/fed-oct", "body": "The Federal Reserve held interest rates steady on Wednesday, "
     "saying inflation was still too high. Chair Jerome Powell said the committee would watch the data."},
    {"id": "fed-dec", "title": "Fed signals rate cuts next year", "source": "Reuters", "published": "2023-12-13",
     "url": "https://example.org/fed-dec", "body": "The Federal Reserve held interest rates steady and signalled "
     "three cuts next year as inflation cooled. Markets rallied after the decision."},
    {"id": "fed-jan", "title": "Fed keeps rates unchanged in January", "source": "CNBC", "published": "2024-01-31",
     "url": "https://example.org/fed-jan", "body": "The Federal Reserve kept interest rates unchanged in January "
     "and said it was not yet confident enough in falling inflation to cut."},
    {"id": "storm", "title": "Storm closes schools", "source": "BBC", "published": "2023-12-01",
     "url": "https://example.org/storm", "body": "A winter storm closed schools across Scotland on Friday as "
     "heavy snow cut power to thousands of homes."},
]


@pytest.fixture(scope="module")
def rag(tmp_path_factory, bundled_embedder):
    root = tmp_path_factory.mktemp("llama")
    (root / "news.json").write_text(json.dumps(ARTICLES), encoding="utf-8")
    pipeline = Pipeline(index_dir=root / "index", embedder=bundled_embedder)
    assert len(pipeline.ingest(root / "news.json").added) == 4
    return pipeline


def ids(nodes) -> set[str]:
    """Return the articles the nodes come from, by their JSON id (the last part of their URL here)."""
    return {n.node.metadata["url"].rsplit("/", 1)[-1] for n in nodes}


def where(*items) -> MetadataFilters:
    return MetadataFilters(filters=[MetadataFilter(key=k, operator=op, value=v) for k, op, v in items])


def test_as_retriever_is_a_llama_index_retriever_over_the_pipeline(rag):
    retriever = rag.as_retriever(k=3)
    assert isinstance(retriever, NewsRetriever) and isinstance(retriever, BaseRetriever)
    nodes = retriever.retrieve("Did the Federal Reserve hold interest rates?")
    assert 0 < len(nodes) <= 3 and ids(nodes) <= {"fed-oct", "fed-dec", "fed-jan"}
    assert [n.score for n in nodes] == sorted((n.score for n in nodes), reverse=True)


def test_source_and_date_filters_narrow_the_hits(rag):
    question = "Federal Reserve interest rates"
    assert ids(rag.as_retriever(k=5, filters=where(("source", FilterOperator.EQ, "CNBC"))).retrieve(question)) == {
        "fed-oct", "fed-jan"}
    since_dec = rag.as_retriever(k=5, filters=where(("published", FilterOperator.GTE, "2023-12-01")))
    assert ids(since_dec.retrieve(question)) <= {"fed-dec", "fed-jan", "storm"}
    assert "fed-jan" in ids(since_dec.retrieve(question))
    both = where(("source", FilterOperator.IN, ["CNBC", "Reuters"]), ("published", FilterOperator.LTE, "2023-12-31"))
    assert ids(rag.as_retriever(k=5, filters=both).retrieve(question)) == {"fed-oct", "fed-dec"}


def test_the_llm_never_sees_ids_or_urls(rag):
    node = rag.as_retriever(k=1).retrieve("winter storm schools Scotland")[0].node
    article_id = node.metadata["article_id"]
    assert article_id and node.metadata["url"] == "https://example.org/storm"
    llm_text = node.get_content(MetadataMode.LLM)
    assert "heavy snow" in llm_text and "BBC" in llm_text and "2023-12-01" in llm_text
    assert article_id not in llm_text and "example.org" not in llm_text and "article_id" not in llm_text


def test_unsupported_filter_fails_when_the_retriever_is_made(rag):
    with pytest.raises(RagError, match="not supported"):
        rag.as_retriever(filters=where(("title", FilterOperator.EQ, "x")))
