"""The BM25 tokenization keeps a lone digit, and a saved index tokenized another way is not loaded (it is rebuilt)."""

import json
from datetime import date

from rag.index.lexical import LexicalIndex
from rag.text import tokenize
from rag.types import Chunk


def _chunk(n: int, text: str) -> Chunk:
    return Chunk(id=f"c{n}", article_id=f"a{n}", text=text, start=0, end=len(text), title=f"Plan {n}",
                 source="Wire", published=date(2024, 3, 5), url="")


def test_a_lone_digit_is_a_token_and_a_lone_letter_is_not():
    assert tokenize(["Plan number 7 won Formula 1 races in 3-1 games, a b c"])[0] == [
        "plan", "number", "7", "won", "formula", "1", "race", "3", "1", "game"]


def test_the_plan_with_the_asked_digit_scores_highest():
    index = LexicalIndex.build([_chunk(n, f"Council approves plan number {n}.") for n in range(1, 10)], 1)
    top = index.retriever.get_scores(index.query_tokens("plan number 7")).argmax()
    assert index.ids[top] == "c7"


def test_an_index_saved_with_another_tokenization_is_not_loaded(tmp_path):
    LexicalIndex.build([_chunk(1, "Council approves plan number 1.")], 1).save(tmp_path)
    assert LexicalIndex.load(tmp_path, 1) is not None
    table = tmp_path / "g1" / "chunks.json"
    saved = json.loads(table.read_text())
    del saved["tokens"]  # as saved before lone digits were tokens
    table.write_text(json.dumps(saved))
    assert LexicalIndex.load(tmp_path, 1) is None
