"""Short keyword queries over a small real index (bundled MiniLM, Chroma in tmp_path, default settings): the
article they name comes first, also when the words are common elsewhere ("balance transfer fee")."""

import json
from pathlib import Path

import pytest

from rag import Pipeline
from rag.bench.keyword_queries import generate
from rag.bench.retrieval import read_articles

pytestmark = pytest.mark.slow
REPO = Path(__file__).parents[2]
SEEDS = REPO / "seeds"
ARTICLES = "corpus/multihop-rag/articles.jsonl"
ONANA = "mhr-a0330"  # Manchester United paid £47.2m for Onana
ONANA_TITLE = "Ten Hag demands both positivity and pragmatism from erratic Onana"
CREDIT_CARDS = ("mhr-a0470", "mhr-a0471")  # "balance transfer fee" in every other paragraph
SUMY_TITLE = "Peace talks 'not easy', NATO chief Mark Rutte says during meeting with Zelensky in Odesa"


@pytest.fixture(scope="module")
def small_index(tmp_path_factory, bundled_embedder):

    corpus = tmp_path_factory.mktemp("corpus")
    for seed in SEEDS.glob("*.txt"):
        (corpus / seed.name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    lines = (REPO / ARTICLES).read_text(encoding="utf-8").splitlines()
    wanted = {ONANA, *CREDIT_CARDS}
    # the Onana and credit-card articles, plus the first 30 of the file (World Series and NFL reports among them)
    chosen = [line for i, line in enumerate(lines) if i < 30 or json.loads(line)["id"] in wanted]
    (corpus / "articles.jsonl").write_text("\n".join(chosen) + "\n", encoding="utf-8")
    rag = Pipeline(index_dir=tmp_path_factory.mktemp("index"), corpus_dir=corpus, embedder=bundled_embedder)
    report = rag.ingest(corpus)
    assert report.failed == [] and len(report.added) >= 30
    return rag, corpus


def test_the_readme_example_ranks_the_sumy_article_first(small_index):
    rag, _ = small_index
    assert rag.settings.rerank and rag.settings.rerank_dense  # the defaults
    hits = rag.retrieve("Sumy strike", k=5)
    assert hits[0].title == SUMY_TITLE and "Sumy" in hits[0].text


def test_a_football_transfer_fee_beats_credit_card_transfer_fees(small_index):
    rag, _ = small_index
    hits = rag.retrieve("Onana transfer fee", k=10)
    assert hits[0].title == ONANA_TITLE and "47.2" in " ".join(h.text for h in hits if h.title == ONANA_TITLE)
    # BM25 alone is lured by the common words: the credit-card reviews are what it ranks first
    bm25 = rag.settings.model_copy(update={"rerank": False, "query_understanding": False, "coverage_weight": 0.0})
    assert Pipeline(bm25, embedder=rag.embedder).retrieve("Onana transfer fee", k=1)[0].title != ONANA_TITLE


def test_generated_keyword_queries_find_their_article_first(small_index):
    rag, corpus = small_index
    sets = generate(read_articles(corpus))
    # The two seeds report the same visit (both say Rutte supports Trump's push for peace): a query generated from
    # one is not a known-item query, so the rule's queries over them are left out here.
    seeds = {"Peace talks 'not easy', NATO chief Mark Rutte says during meeting with Zelensky in Odesa",
             "Rutte Backs Trump’s Ukraine Peace Efforts, Slams Russian Attacks as “Terrible Pattern”"}
    queries = [q for q in sets["eval"] + sets["train"] if q.title not in seeds]
    assert len(queries) >= 20
    first = [rag.retrieve(q.query, k=10)[0].title == q.title for q in queries]
    off = rag.settings.model_copy(update={"rerank": False})
    first_off = [Pipeline(off, embedder=rag.embedder).retrieve(q.query, k=10)[0].title == q.title for q in queries]
    assert sum(first) / len(first) >= 0.9
    assert sum(first) >= sum(first_off)  # the reranker does not undo what BM25 got right
