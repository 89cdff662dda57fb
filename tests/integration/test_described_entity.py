"""A question that describes one entity in several outlets' words, for real: MiniLM, the shipped answer model, Chroma
in tmp_path. No one sentence meets all its constraints (each outlet's part names its own year), so the answer is the
entity the outlets' articles share, or a refusal when they share none."""

import json

import pytest

from rag import Pipeline

pytestmark = pytest.mark.slow

QUESTION = ("Who is the individual who founded a crypto exchange in 2019 and is on trial for fraud, according to Wire, "
            "and who persuaded a former trader in 2021 to run his trading firm, as reported by Daily Post?")
WIRE = {"id": "w-1", "title": "Crypto founder goes on trial", "source": "Wire", "published": "2023-10-02T10:00:00+00:00",
        "body": "The trial of Tobin Ashgrove, who founded the Larkspur crypto exchange in 2019, began in New York on "
                "Tuesday. Prosecutors say Ashgrove used customer deposits to fund property purchases. He has pleaded "
                "not guilty to seven counts of fraud."}
BAKERY = {"id": "x-1", "title": "Bakery wins award", "source": "Wire", "published": "2023-10-03T10:00:00+00:00",
          "body": "A bakery in Leeds won the national croissant prize on Monday. Its owner Mara Quill said the win was a "
                  "surprise."}


def _post(person: str) -> dict:
    return {"id": "p-1", "title": "Former trader testifies", "source": "Daily Post",
            "published": "2023-10-05T10:00:00+00:00",
            "body": f"A former trader told the court on Thursday that {person} persuaded her in 2021 to leave a Wall "
                    f"Street bank and run his trading firm. She said he told her the firm could borrow customer money "
                    f"without limit. The trial continues next week."}


def _ask(tmp_path, embedder, articles):
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(json.dumps(a) for a in articles) + "\n")
    rag = Pipeline(index_dir=tmp_path / "index", embedder=embedder)
    assert len(rag.ingest(path).added) == len(articles)
    return rag.ask(QUESTION)


def test_the_entity_both_outlets_describe_is_the_answer(tmp_path, bundled_embedder):
    answer = _ask(tmp_path, bundled_embedder, [WIRE, _post("Tobin Ashgrove"), BAKERY])
    assert not answer.refused and answer.short == "Tobin Ashgrove"
    assert {c.source for c in answer.citations} == {"Wire", "Daily Post"}


def test_outlets_describing_different_people_get_a_refusal(tmp_path, bundled_embedder):
    answer = _ask(tmp_path, bundled_embedder, [WIRE, _post("Corin Vale"), BAKERY])
    assert answer.refused and answer.short is None
