"""The ordinary-word list: word forms news writes in lower case, counted apart from names."""

from rag.answer.answerability import ordinary_words
from rag.bench.build_lexicon import count_forms


def test_lower_case_and_mid_sentence_capitals_are_counted_and_sentence_openings_are_not():
    lower, capital = count_forms(["Overnight rain fell. The overnight leader, Brown, said Brown was tired. "
                                  "Brown rice is brown."])
    assert lower["overnight"] == 1 and capital["overnight"] == 0  # "Overnight" opens a sentence: not counted
    assert capital["brown"] == 2 and lower["brown"] == 1  # a name mid-sentence twice, the colour once


def test_the_shipped_list_holds_ordinary_words_and_skips_its_notice():
    words = ordinary_words()
    assert {"overnight", "last", "ports"} <= words and len(words) > 10_000
    assert not any(w.startswith("#") for w in words)
