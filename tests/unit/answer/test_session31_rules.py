"""Session 31: a place a "which district / which stadium" question asks for is the name said with that word."""

from rag.answer.span_choice import choose, span_model
from rag.retrieval.analysis import analyse_question


def test_a_which_place_question_takes_the_name_said_with_its_word(scored_sentences):
    ranked = scored_sentences("Kelderby Council confirmed that Gullet Road stadium in Scarrowby will host the cup "
                              "final.", [0.99])
    analysis = analyse_question("which stadium will host the cup final?")
    assert analysis.kind == "place"
    assert choose(analysis, ranked, [ranked[0].hit.text], 0.5, span_model())[0] == "Gullet Road"  # not its town


def test_the_asked_superlative_goes_before_the_class_word(scored_sentences):
    # (the class word alone would keep "the Larchmont district")
    ranked = scored_sentences("Uptake was highest in the Larchmont district at 64 per cent and lowest in Orrin Falls "
                              "at 38 per cent.", [0.99])
    analysis = analyse_question("which district had the lowest RSV jab uptake in Calder?")
    assert analysis.kind == "place"
    assert choose(analysis, ranked, [ranked[0].hit.text], 0.5, span_model())[0] == "Orrin Falls"
