"""The learned question kind, for real: MiniLM, the shipped kind, answer and reader models, Chroma in tmp_path. A
keyword query with no asking word for the rules to read ("... penalty after tribunal") is read as asking for a sum and
gets one; without the model the same query gets no direct answer."""

import json

import pytest

import rag.answer.kinds as kinds
from rag import Pipeline
from rag.answer.kinds import kind_model, learned_kind
from rag.retrieval.analysis import analyse_question

pytestmark = pytest.mark.slow
QUESTION = "ardley haulage penalty after tribunal"
BODY = ("A tribunal in Penrow has cut the penalty imposed on Ardley Haulage over a fatal crash to £380,000, down from "
        "£600,000. The firm had argued that the original fine did not reflect its safety record. Director Colm Ardley "
        "said the company would not appeal further.")


@pytest.fixture(scope="module")
def rag(tmp_path_factory, bundled_embedder):
    path = tmp_path_factory.mktemp("kinds") / "articles.jsonl"
    path.write_text(json.dumps({"id": "penrow", "title": "Penrow tribunal cuts penalty for Ardley Haulage",
                                "source": "Penrow Gazette", "published": "2024-06-02T09:00:00+00:00",
                                "body": BODY}) + "\n")
    pipeline = Pipeline(index_dir=path.parent / "index", embedder=bundled_embedder)
    assert len(pipeline.ingest(path).added) == 1
    return pipeline


def test_the_model_places_what_the_rules_leave_open(bundled_embedder):
    assert kind_model() is not None  # the model ships inside the package
    assert analyse_question(QUESTION).kind == "open"
    assert learned_kind(QUESTION, bundled_embedder) == "money"
    assert learned_kind("why was the concert cancelled?", bundled_embedder) is None  # no span is asked for


def test_the_placed_question_gets_the_sum_it_asks_for(rag, monkeypatch):
    answer = rag.ask(QUESTION)
    assert not answer.refused and answer.short == "£380,000"
    monkeypatch.setattr(kinds, "_MODEL", [None])  # without the model: no direct answer
    assert rag.ask(QUESTION).short is None
