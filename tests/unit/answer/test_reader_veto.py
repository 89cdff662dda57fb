"""The reader's veto in the answer layer (the reader itself is tested with the real model in tests/integration)."""

import logging

import rag.answer.extractive as extractive
import rag.answer.reader as reader_module
from rag.answer.answerability import FEATURES, AnswerModel
from rag.answer.extractive import compose_answer
from rag.answer.reader import reader_text
from rag.types import Hit

BODY = ("Tomas Rendle, 29, won the 2023 Calverdown Half Marathon on Sunday in 1:04:52. "
        "Around 6,200 runners started the race, organisers said.")


def _model():
    """Every sentence likely (0.99): what is left to decide is the reader's."""
    return AnswerModel({"features": list(FEATURES), "mean": [0.0] * len(FEATURES), "scale": [1.0] * len(FEATURES),
                        "weights": [0.0] * len(FEATURES), "bias": 5.0, "threshold": 0.5})


def _ask(monkeypatch, doubted: bool, embedder, body: str = BODY, accept=lambda sentences: []):
    seen, offered = [], []

    def doubts(question, sentence, title, published):
        seen.append((question, sentence))
        return doubted

    def accepted(question, candidates):
        offered.extend(c.text for c in candidates)
        return [c for c in candidates if c.text in accept([c.text for c in candidates])]

    monkeypatch.setattr(extractive, "doubts", doubts)
    monkeypatch.setattr(extractive, "accepted", accepted)
    hit = Hit(text=body, score=1.0, article_id="a1", title="Rendle wins Calverdown", source="Courier",
              published=None, url="", start=0, end=len(body))
    return compose_answer("Who won the 2023 Calverdown Half Marathon?", [hit], embedder, _model(),
                          bodies={"a1": body}), seen, offered


TWO_WINNERS = ("Tomas Rendle won the 2023 Calverdown Half Marathon on Sunday. "
               "Idris Falk won the 2023 Calverdown Half Marathon wheelchair race.")


def test_an_answer_whose_cited_sentence_the_reader_doubts_is_refused(monkeypatch, hash_embedder):
    answer, seen, offered = _ask(monkeypatch, True, hash_embedder, TWO_WINNERS)  # (the reader accepts no other)
    assert answer.refused and answer.short is None and not answer.citations
    doubted = seen[0][1]  # the sentence that would have been cited was read ...
    assert offered and doubted not in offered  # ... and the other likely one was offered


def test_a_doubted_sentence_gives_way_to_a_likely_one_the_reader_accepts(monkeypatch, hash_embedder):
    answer, seen, offered = _ask(monkeypatch, True, hash_embedder, TWO_WINNERS, accept=lambda texts: texts)
    doubted = seen[0][1]
    assert offered and doubted not in offered
    assert not answer.refused and answer.short in ("Tomas Rendle", "Idris Falk")
    assert answer.short not in doubted and answer.citations[0].quote in offered


def test_an_answer_the_reader_accepts_is_given(monkeypatch, hash_embedder):
    answer, _, _ = _ask(monkeypatch, False, hash_embedder)
    assert not answer.refused and answer.short == "Tomas Rendle"


def test_the_reader_reads_the_sentence_with_its_title_and_month():
    from datetime import date
    assert reader_text("He won.", "Rendle wins", date(2023, 5, 15)) == "He won. [SEP] Rendle wins 2023-05"
    assert reader_text("He won.", "Rendle wins", None) == "He won. [SEP] Rendle wins"


def test_without_its_file_there_is_no_reader_and_no_veto(monkeypatch, tmp_path, caplog):
    monkeypatch.setattr(reader_module, "READER_PATH", tmp_path / "missing.safetensors")
    monkeypatch.setattr(reader_module, "_loaded", {})
    with caplog.at_level(logging.WARNING):
        assert reader_module.reader() is None
        assert not reader_module.doubts("who won?", "Rendle won.", "Race", None)
    assert "missing.safetensors" in caplog.text


def test_a_damaged_reader_file_is_reported_and_answers_go_on(monkeypatch, tmp_path, caplog):
    damaged = tmp_path / "reader.safetensors"
    damaged.write_bytes(b"not a safetensors file")
    monkeypatch.setattr(reader_module, "READER_PATH", damaged)
    monkeypatch.setattr(reader_module, "_loaded", {})
    with caplog.at_level(logging.WARNING):
        assert reader_module.reader() is None
        assert not reader_module.doubts("who won?", "Rendle won.", "Race", None)
    assert "could not be loaded" in caplog.text and str(damaged) in caplog.text


def test_a_question_longer_than_the_reader_learned_is_not_vetoed(monkeypatch):
    class Doubter:
        def scores(self, question, sides):
            return [0.0] * len(sides)  # a reader that doubts everything

    monkeypatch.setattr(reader_module, "_loaded", {"reader": Doubter()})
    assert reader_module.doubts("Who won the race?", "Rendle won.", "Race", None)
    long = "Which individual, " + "once considered the richest person of all, " * 4 + "is reported by the Guardian?"
    assert len(long.split()) > reader_module.MAX_WORDS
    assert not reader_module.doubts(long, "Rendle won.", "Race", None)
