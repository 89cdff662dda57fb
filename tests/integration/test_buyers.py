"""Who bought or acquired something, for real (MiniLM, the shipped answer model, reader and span model, Chroma in
tmp_path) over the default corpus's three Activision articles (session 41's trial in the browser answered "Statista"
and "European Union"): the buyer is the name the deed's verb follows in a sentence that says the deed itself."""

import json
from pathlib import Path

import pytest

from rag import Pipeline

pytestmark = pytest.mark.slow
ARTICLES = Path(__file__).parents[2] / "corpus" / "multihop-rag" / "articles.jsonl"
TITLES = ("Microsoft Activision: What does deal mean for gamers?", "Video games in 2023: Acquisitions, layoffs, unions",
          "Tim Sweeney on Epic’s victory royale over Google")


@pytest.fixture(scope="module")
def rag(tmp_path_factory, bundled_embedder):
    lines = [line for line in ARTICLES.read_text(encoding="utf-8").splitlines()
             if line.strip() and json.loads(line)["title"] in TITLES]
    path = tmp_path_factory.mktemp("buyers") / "articles.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    pipeline = Pipeline(index_dir=path.parent / "index", embedder=bundled_embedder)
    assert len(pipeline.ingest(path).added) == len(TITLES)
    return pipeline


@pytest.mark.parametrize("question", ["Who bought Activision Blizzard?", "who acquired activision?"])
def test_the_buyer_is_the_one_the_deed_names(rag, question):
    answer = rag.ask(question)
    assert answer.short == "Microsoft", answer.text
