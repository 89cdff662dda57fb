"""Session 33: a question about a numbered thing ("plan number 2", "the No. 47 bus") is not answered from another
numbered one (plan number 42), whether the sentence or its article's title gives the number; "1936 euros" is a sum."""

from rag.answer.answerability import Evidence, gates, labelled_siblings, type_hit
from rag.retrieval.analysis import analyse_question

QUESTION = "How many euros did the Corvale council set aside in plan number 2?"
SENTENCE = "The plan sets aside 1546 euros for road repairs and 7 new street lights."


def passes(question, sentence, title, previous="The council debated it for 2 hours on Tuesday."):
    item = Evidence(sentence=sentence, context=f"{title} {previous}", meta=f"{title} Wire", previous=previous,
                    article=f"{previous} {sentence}", rank=0, retrieval=1.0)  # (a "2" beside: no plan's number)
    return bool(gates(analyse_question(question), [item]).all())


def test_another_numbered_plan_in_the_title_or_the_sentence_does_not_answer():
    assert passes(QUESTION, SENTENCE, "Corvale council approves plan number 2")
    assert not passes(QUESTION, SENTENCE, "Corvale council approves plan number 42")
    assert not passes(QUESTION, "Plan number 42 sets aside 1546 euros for road repairs.", "Corvale council plans")
    assert passes(QUESTION, "Plan number 2 sets aside 1026 euros, twice plan number 42's sum.", "Corvale council plans")
    assert not passes("When will the No. 47 bus be withdrawn?", "The No. 74 bus will be withdrawn from 30 November.",
                      "Bus cuts")


def test_a_label_is_read_only_where_the_question_numbers_a_thing():
    assert [bool(a.search("plan number 2")) for a, _ in labelled_siblings(QUESTION, [])] == [True]
    assert labelled_siblings("How many euros did the council set aside for 2 plans?", []) == []
    assert labelled_siblings("What share, 4.5%, went to number crunching?", []) == []
    (asked, other), = labelled_siblings("what did the #10 seed say?", [])
    assert asked.search("the #10 seed") and other.search("the #1 seed") and not other.search("the #10 seed")


def test_a_sum_shaped_like_a_year_is_a_sum_and_a_year_alone_counts_nothing():
    analysis = analyse_question("How many euros did the council set aside?")
    assert type_hit(analysis, "The plan sets aside 1936 euros for road repairs.") == 1.0
    assert type_hit(analysis, "The plan sets aside €2030 for road repairs.") == 1.0
    assert type_hit(analysis, "The plan sets aside money for road repairs in 2030.") == 0.0
