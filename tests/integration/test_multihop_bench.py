"""`rag bench multihop` end to end on a tiny MultiHop-RAG-shaped data set: real model, real Chroma in tmp_path."""

import json

import pytest

from rag import Pipeline
from rag.cli import main

pytestmark = pytest.mark.slow

ARTICLES = [
    {"id": "t-1", "title": "Chipmaker raises forecast", "source": "TechCrunch", "published": "2023-10-07T10:00:00+00:00",
     "body": "Acme Chips raised its annual forecast on Friday. The company said data-centre demand doubled in the "
             "third quarter. Its shares rose 9 percent in New York trading."},
    {"id": "v-1", "title": "Chipmaker raises forecast", "source": "The Verge", "published": "2023-11-20T10:00:00+00:00",
     "body": "Acme Chips raised its annual forecast again. The company said data-centre demand slowed in the fourth "
             "quarter. Its shares fell 4 percent in New York trading."},
    {"id": "g-1", "title": "Rain delays the final", "source": "Sporting News", "published": "2023-10-29T10:00:00+00:00",
     "body": "Heavy rain delayed the rugby final in Paris by forty minutes. South Africa beat New Zealand 12-11 "
             "after a tense second half decided by a single point."},
]
QUESTIONS = [
    {"id": "q1", "question": "Did the TechCrunch report published on October 7, 2023 say Acme Chips' data-centre "
                             "demand doubled, while The Verge said it slowed?",
     "question_type": "comparison_query", "answerable": True,
     "evidence": [{"fact": "The company said data-centre demand doubled in the third quarter."},
                  {"fact": "The company said data-centre demand slowed in the fourth quarter."}]},
    {"id": "q2", "question": "By how many points did South Africa win the rain-delayed rugby final, according to "
                             "Sporting News?",
     "question_type": "inference_query", "answerable": True,
     "evidence": [{"fact": "South Africa beat New Zealand 12-11 after a tense second half decided by a single point."}]},
    {"id": "q3", "question": "Which bakery in Oslo won the 2023 croissant championship according to Le Monde?",
     "question_type": "null_query", "answerable": False, "evidence": []},
]


@pytest.fixture
def bench_dir(tmp_path):
    data = tmp_path / "multihop"
    data.mkdir()
    (data / "articles.jsonl").write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n")
    (data / "questions-dev.jsonl").write_text("\n".join(json.dumps(q) for q in QUESTIONS) + "\n")
    return data


def test_bench_multihop_ingests_scores_and_records(tmp_path, bench_dir, monkeypatch):
    monkeypatch.setenv("RAG_BENCH_DIR", str(bench_dir))
    monkeypatch.chdir(tmp_path)
    output = tmp_path / "result.json"
    assert main(["--index-dir", str(tmp_path / "index"), "bench", "multihop", "--output", str(output)]) == 0
    result = json.loads(output.read_text())
    overall = result["metrics"]["overall"]
    assert overall["n"] == 2 and result["null_questions"] == 1
    assert overall["hits@10"] == 1.0 and overall["fact_recall@10"] == 1.0
    assert result["metrics"]["comparison_query"]["n"] == 1
    assert result["index"]["articles"] == 3
    assert result["retrieve_p95_ms"] >= result["retrieve_p50_ms"] > 0
    row = (tmp_path / "docs" / "BENCHMARKS.md").read_text()
    assert "## Retrieval on MultiHop-RAG (dev)" in row and "Hits@10 1.000" in row

    # a second run reuses the index: nothing is re-embedded, the figures are the same
    assert main(["--index-dir", str(tmp_path / "index"), "bench", "multihop", "--output", str(output),
                 "--no-record"]) == 0
    assert json.loads(output.read_text())["metrics"] == result["metrics"]


def test_outlet_and_date_in_the_question_pick_that_article(tmp_path, bench_dir, bundled_embedder):
    rag = Pipeline(index_dir=tmp_path / "index", embedder=bundled_embedder)
    rag.ingest(bench_dir / "articles.jsonl")
    question = "What did The Verge report about Acme Chips raising its forecast and data-centre demand?"
    assert rag.retrieve(question, k=1)[0].source == "The Verge"
    question = "What did the report published on October 7, 2023 by TechCrunch say about Acme Chips' forecast?"
    assert rag.retrieve(question, k=1)[0].source == "TechCrunch"
