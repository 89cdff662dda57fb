"""Session 31: a place a "which beach / which depot" question asks for is the name said with that word."""

from dataclasses import replace

from rag.answer.span_choice import choose, span_model
from rag.retrieval.analysis import analyse_question


def test_a_which_place_question_takes_the_name_said_with_its_word(scored_sentences):
    ranked = scored_sentences("Researchers at Brackenmoor University have confirmed that the pliosaur skull found on "
                              "Gullet Beach, Scarrowby, in February 2023 belongs to a new species.", [0.99])
    analysis = replace(analyse_question("which beach was the pliosaur skull found on?"), kind="place")
    assert choose(analysis, ranked, [ranked[0].hit.text], 0.5, span_model())[0] == "Gullet Beach"
    ranked = scored_sentences("No Corvane buses have left the Pittlecote depot this morning, the Ebbsworth branch "
                              "of the union said.", [0.99])
    analysis = replace(analyse_question("From which depot did no Corvane buses leave on the first morning?"),
                       kind="place")
    assert choose(analysis, ranked, [ranked[0].hit.text], 0.5, span_model())[0].startswith("Pittlecote")


def test_the_asked_superlative_goes_before_the_class_word(scored_sentences):
    ranked = scored_sentences("Uptake was highest in the Larchmont district at 64 per cent and lowest in Orrin Falls "
                              "at 38 per cent.", [0.99])
    analysis = replace(analyse_question("which district had the lowest RSV jab uptake in Calder?"), kind="place")
    assert choose(analysis, ranked, [ranked[0].hit.text], 0.5, span_model())[0] == "Orrin Falls"
