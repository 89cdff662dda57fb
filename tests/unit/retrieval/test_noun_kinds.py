"""What a keyword query ending in a noun no asking-word list holds asks for, by WordNet's class of the noun."""

import json

import pytest

from rag.answer.extractive import with_keyword_names
from rag.retrieval.analysis import NOUN_KINDS_PATH, analyse_question, noun_kind, question_kind
from rag.types import Hit


@pytest.mark.parametrize("word, kind", [
    ("rescuer", "person"), ("administrators", "person"),  # a plural read by its singular
    ("takings", "money"), ("venue", "place"), ("setting", "place"), ("night", "date"), ("weekend", "date"),
    ("venues", "open"),  # a plural place word asks how many or which ones, not where
    ("interim", "open"),  # a qualifier: "brevant interim ceo" asks for the office's holder
    ("may", "open"),  # a month the query names ("four hour performance may")
    ("performance", "open"), ("xylomorph", "open"),  # another class; a word WordNet does not know
])
def test_noun_kind_reads_the_class_of_the_usual_senses(word, kind):
    assert noun_kind(word) == kind


@pytest.mark.parametrize("query, kind", [
    ("thornley bungalow fire rescuer", "person"),
    ("lantern keepers opening weekend takings", "money"),
    ("tin saints short stories setting", "place"),
    ("velvet orchard tour opening night", "date"),
    ("onana transfer fee", "money"),  # an asking word still decides first
    ("brevant interim ceo", "person"),
])
def test_a_keyword_query_without_an_asking_word_is_read_by_its_last_noun(query, kind):
    assert question_kind(query, lexicon=True) == kind


def _hit(title: str, text: str) -> Hit:
    return Hit(chunk_id="c1", article_id="a1", title=title, source="Courier", published=None, url="", text=text,
               score=1.0, start=0, end=len(text))


def test_the_answer_layer_reads_the_last_noun_once_the_names_are_known():
    rescue = [_hit("Neighbour pulls woman from Thornley bungalow fire", "Darren Oakes, 41, broke a window to reach "
                   "the woman, Thornley fire crews said.")]
    assert analyse_question("thornley bungalow fire rescuer").kind == "open"  # retrieval reads the words alone
    assert with_keyword_names(analyse_question("thornley bungalow fire rescuer"), rescue).kind == "person"
    # the last word of a name is no noun asked about: "Brackwater Bulls" asks for no money
    rugby = [_hit("Ormley RFC beat Brackwater Bulls", "Ormley RFC beat Brackwater Bulls 24-10 with tries from Ellis "
                  "Marr and Tom Quayle.")]
    assert with_keyword_names(analyse_question("ormley rfc try scorers v brackwater bulls"), rugby).kind != "money"
    # nor does a guess overrule what the words ask: "ceo" asks for a person, "interim" for nothing
    brevant = [_hit("Brevant Motors chief steps down", "Finance chief Dario Fenn will serve as interim CEO.")]
    assert with_keyword_names(analyse_question("brevant interim ceo"), brevant).kind == "person"


def test_a_question_is_read_by_its_words_not_the_table():
    assert question_kind("Why did the rescuer go back in?", lexicon=True) == "open"


def test_the_table_is_built_from_wordnet_and_carries_its_notice():
    table = json.loads(NOUN_KINDS_PATH.read_text())
    assert "WordNet 3.0 Copyright" in table["notice"]
    assert set(table["kinds"].values()) == {"person", "money", "place", "date"}
