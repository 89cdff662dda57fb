"""Session 32: a "who will build / is buying / supplied" question may be answered by an organisation."""

from rag.answer.answerability import person_answer, type_hit
from rag.retrieval.analysis import analyse_question

SENTENCE = "Quickclear Waste Services will build the new recycling depot at Marrow Lane, the council said."


def test_who_with_a_builders_verb_after_an_auxiliary_takes_a_firm():
    for question in ("who will build the new recycling depot?", "Who is building the Marrow Lane depot?",
                     "who has been supplying the depot's bins?", "Who is going to buy the Marrow Lane depot?",
                     "who's taking over the Marrow Lane depot?"):
        assert person_answer("Quickclear Waste Services", SENTENCE, question), question
    analysis = analyse_question("who will build the new recycling depot?")
    assert analysis.kind == "person" and type_hit(analysis, SENTENCE) == 1.0


def test_a_decision_or_a_race_still_asks_for_a_person():
    for question in ("who will make the final decision on the depot?", "who is running for mayor?",
                     "who will lead the council?"):
        assert not person_answer("Quickclear Waste Services", SENTENCE, question), question
