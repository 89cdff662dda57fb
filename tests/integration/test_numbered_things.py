"""Questions about one of many numbered things ("plan number 2" among plans 12, 22, 42 ...), for real: MiniLM, the
shipped answer model and reader, Chroma in tmp_path (the crash-safety test's corpus has the same shape). The sentence
holding the sum names no plan; its article's title does, and only the asked plan's article answers. A plan no article
reports gets a refusal, not a neighbour's sum."""

import json

import pytest

from rag import Pipeline

pytestmark = pytest.mark.slow
PLANS = range(2, 303, 10)  # 2, 12, ..., 302: every number ends in 2, each debate lasted 2 hours; plan 72 sets aside
# 1936 euros, a sum and not a year


def _article(n: int) -> dict:
    return {"id": f"plan-{n}", "title": f"Corvale council approves plan number {n}", "source": "Wire",
            "published": "2024-03-05T10:00:00+00:00",
            "body": f"The Corvale council approved plan number {n} on Tuesday after a debate of 2 hours. The plan sets "
                    f"aside {1000 + n * 13} euros for road repairs and 7 new street lights. Councillor Ana Brell said "
                    f"residents had asked for the work for years."}


@pytest.fixture(scope="module")
def rag(tmp_path_factory, bundled_embedder):
    path = tmp_path_factory.mktemp("plans") / "articles.jsonl"
    path.write_text("\n".join(json.dumps(_article(n)) for n in PLANS) + "\n")
    pipeline = Pipeline(index_dir=path.parent / "index", embedder=bundled_embedder)
    assert len(pipeline.ingest(path).added) == len(PLANS)
    return pipeline


@pytest.mark.parametrize("n", [2, 42, 72, 252])
def test_the_asked_plans_sum_is_the_answer(rag, n):
    answer = rag.ask(f"How many euros did the Corvale council set aside in plan number {n}?")
    assert not answer.refused and answer.short == f"{1000 + n * 13} euros", answer.text
    assert {c.title for c in answer.citations} == {f"Corvale council approves plan number {n}"}


@pytest.mark.parametrize("n", [7, 1002])
def test_a_plan_no_article_reports_is_refused(rag, n):
    answer = rag.ask(f"How many euros did the Corvale council set aside in plan number {n}?")
    assert answer.refused, answer.text


@pytest.fixture(scope="module")
def sixty_plans(tmp_path_factory, bundled_embedder):
    path = tmp_path_factory.mktemp("sixty") / "articles.jsonl"
    path.write_text("\n".join(json.dumps(_article(n)) for n in range(1, 61)) + "\n")
    pipeline = Pipeline(index_dir=path.parent / "index", embedder=bundled_embedder)
    assert len(pipeline.ingest(path).added) == 60
    return pipeline


@pytest.mark.parametrize("n", [1, 3, 7, 9])
def test_a_one_digit_number_is_searched_for(sixty_plans, n):
    """BM25 keeps a lone digit as a token: plan 9's article ranks first among plans 1-60 (without the digit all
    sixty read alike to BM25 and the embeddings put plans 4, 8, 7 first)."""
    answer = sixty_plans.ask(f"How many euros did the Corvale council set aside in plan number {n}?")
    assert answer.hits[0].title == f"Corvale council approves plan number {n}"
    assert not answer.refused and answer.short == f"{1000 + n * 13} euros", answer.text
