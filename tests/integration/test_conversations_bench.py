"""`rag bench conversations` scoring for real: the chat service over the seed articles (bundled MiniLM, Chroma in
tmp_path), follow-ups rewritten as the app rewrites them."""

import pytest

from rag import Pipeline
from rag.app.service import ChatService
from rag.bench.conversations import score

pytestmark = pytest.mark.slow

CONVERSATION = {"id": "c-1", "turns": [
    {"question": "How many people were killed by Russian strikes in the Sumy region?", "answerable": True,
     "answers": ["35"]},
    {"question": "and in Kryvyi Rig?", "must_keep": ["Kryvyi Rig"], "answerable": True, "answers": ["19"]},
    {"question": "and how many in Kharkiv?", "must_keep": ["Kharkiv"], "answerable": False, "answers": []},
]}


def test_a_conversation_is_asked_turn_by_turn_and_scored(tmp_path, bundled_embedder, seed_corpus):
    pipeline = Pipeline(index_dir=tmp_path / "index", corpus_dir=seed_corpus, embedder=bundled_embedder)
    pipeline.ingest(seed_corpus)
    result, rows = score(ChatService(pipeline), [CONVERSATION])
    assert [r["turn"] for r in rows] == [0, 1, 2]
    assert "following up on" in rows[1]["query"] and rows[1]["kept"] == [True]  # the follow-up was rewritten
    assert rows[0]["correct"] and rows[1]["correct"] and rows[2]["refused"]
    assert result == {"turns": 3, "kept": 1.0, "answerable_correct": 1.0, "answerable_strict": 1.0,
                      "near_miss_refused": 1.0, "followups_correct": 1.0}
