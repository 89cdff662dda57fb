"""The inverse-cloze training query rule: a sentence of a training-side article, its own chunks taken out."""

from collections import Counter
from dataclasses import dataclass

import numpy as np

from rag.bench.cloze_queries import flat_text, chunks_holding, drop_names, generate, pick_sentences, without_chunks
from rag.bench.keyword_queries import is_training_article

from training_text import BODY, Doc, sentence


def test_the_sentences_at_a_third_and_two_thirds_of_the_eligible_ones_are_picked():
    # 9 eligible sentences (12-40 words), "Short one." is not: positions 9 // 3 = 3 and 2 * 9 // 3 = 6
    assert pick_sentences(BODY) == [sentence(3), sentence(6)]
    assert pick_sentences("Too short. Also short.") == []


def test_variant_b_drops_names_and_numbers_and_asks():
    # "Mayor" is written in lower case too ("the mayor"), so it is not a name; "Ortiz" is
    body = "Mayor Ortiz opened the Riverside ferry in 2023. Ortiz, the mayor, said the ferry carried 4,000 people."
    assert drop_names("Mayor Ortiz said the ferry carried 4,000 people on its first day.", body) == \
        "Mayor said the ferry carried people on its first day?"


def test_only_training_side_articles_not_asked_about_give_queries():
    titles = [f"Harbour story {i}" for i in range(12)]
    docs = [Doc(f"a{i}", t, BODY.replace("harbour", f"harbour{i}")) for i, t in enumerate(titles)]
    training = [t for t in titles if is_training_article(t)]
    assert training  # the hash split puts some of the twelve on the training side
    queries = generate(docs)
    assert {q.title for q in queries} == set(training) and {q.variant for q in queries} == {"a", "b"}
    assert not generate(docs, held_out_titles=set(training))


def test_a_sentence_other_articles_hold_too_is_not_picked():
    shared = Counter({flat_text(sentence(i)): 1 for i in range(9)})
    shared[flat_text(sentence(3))] = 2  # boilerplate: two articles hold it
    # 8 eligible sentences left: positions 8 // 3 = 2 and 2 * 8 // 3 = 5 of them
    assert pick_sentences(BODY, shared) == [sentence(2), sentence(6)]


@dataclass
class Chunk:
    id: str
    title: str
    text: str


def test_the_chunks_holding_the_sentence_are_removed_and_only_those():
    chunks = [Chunk("c1", "One", sentence(2) + " " + sentence(3)[:60]),  # overlap: the start of the sentence
              Chunk("c2", "One", sentence(3)[40:] + " " + sentence(4)[:20]),
              Chunk("c3", "One", "The committee will meet again in spring."),
              Chunk("c4", "Other", "Quoted elsewhere: " + sentence(3))]
    assert chunks_holding(sentence(3), "One", chunks) == ["c1", "c2", "c4"]


class FakeLexical:
    ids = ["c1", "c2", "c3"]
    row_of = {"c1": 0, "c2": 1, "c3": 2}

    def mask(self, sources, since, until):
        return None


class FakeVectors:
    def query(self, vector, n, where=None):
        return [("c2", 0.9), ("c1", 0.8), ("c3", 0.7)][:n]


def test_the_index_views_skip_the_removed_chunks():
    lexical, vectors = without_chunks(FakeLexical(), FakeVectors(), ["c2"])
    assert np.array_equal(lexical.mask(None, 0, 0), [1, 0, 1]) and lexical.ids == ["c1", "c2", "c3"]
    assert vectors.query(None, 2) == [("c1", 0.8), ("c3", 0.7)]
