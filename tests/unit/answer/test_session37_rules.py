"""Session 37: "how many years ...?" is not answered with a length in weeks, nor with a figure that is no length of
time at all ("one of his lawyers"); a neighbouring unit may say it ("18 months" for years)."""

from rag.answer.answerability import other_time_unit
from rag.answer.spans import extract_short
from rag.retrieval.analysis import analyse_question

PRISON = ("But Bankman-Fried, whose cheekbones were more prominent after spending about seven weeks in a Brooklyn "
          "prison, was no liar, according to Mark Cohen, one of his lawyers.")


def test_a_length_in_a_far_unit_or_no_length_does_not_answer_how_many_years():
    years = "How many years in prison could Sam Bankman-Fried face?"
    assert other_time_unit(years, PRISON, PRISON.index("seven weeks"))
    assert other_time_unit(years, PRISON, PRISON.index("one of"))
    assert extract_short(analyse_question(years), PRISON) is None


def test_the_asked_unit_or_a_neighbour_answers():
    assert extract_short(analyse_question("How many weeks did Bankman-Fried spend in prison?"), PRISON) == \
        "seven weeks"
    deal = "The striker signed an 18-month deal with the club on Friday."
    assert not other_time_unit("How many years is the striker's deal?", deal, deal.index("18"))
    assert not other_time_unit("How much did the club pay?", deal, deal.index("18"))  # no unit asked
