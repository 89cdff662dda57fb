"""What a question asks for, read off the development sets' labelled kinds (session 41): forms that ask for a sum or
a figure without an asking word the rules knew, periods that are no date asked, and who may be a club or a firm."""

import pytest

from rag.answer.answerability import organisation_admitted, pay_rise_figures
from rag.retrieval.analysis import question_kind


@pytest.mark.parametrize("question", [
    "how big was the fine handed to Northmere Rail over its 2024 punctuality?",  # a money noun after "how big"
    "How large was the Vellmarsh emergency hardship fund after the council enlarged it?",
    "what was the fly-tipper on drover's lane fined?",
    "what did kestrel get for the greyfriars road campus in the end?",
    "so what did the museum end up paying for the hoard?",
    "what did harwell foods end up making before tax for the whole year?",
    "how cheap are the one-way northwind tickets to port isolde?",
    "what's the pellow 7 max going for in dollars?",
    "What penalty did Severnby Water receive for the River Lenn spill?",
    "What one-off payment will Saltmarrow dock workers receive under the pay deal?",
    "fenmarrow fun run 2024 total",  # a fundraiser's total
    "coastal states climate adaptation fund size",
    "quillory series b 2024",  # a funding round
    "pellingford council ransom demand ashen lynx",
    "crumbhollow bakery wrenbury enterprise fund loan",
    "what does dravenholt motors now expect the serrano seat-belt recall to cost?",
    "To what amount did Spain's National Court reduce Morvane's broadband fine?",
])
def test_a_sum_is_asked(question):
    assert question_kind(question) == "money"


@pytest.mark.parametrize("question", [
    "how big was the rise?", "how hot did it get at wendlebury abbots?", "how full was Hollins Reservoir?",
    "so how punctual were Brennock Rail trains in the three months to September 2022?",
    "What did the winning heaviest marrow weigh at the 2023 show?", "what did the eldmoor open crowd total come to?",
    "what cut to the 2023 North Farrow Sea cod quota had scientists recommended?",
    "skarrow air vellinde route first year passengers",  # a first year is a period, not a date asked
    "lanterns of oss first week sales", "morvale hospice midnight walk 2023 walkers", "harlowmere bank branch closures",
    "so what were container volumes at the Port of Quellmouth in 2024?",
    "What easy-access savings rate will Tresswell Mutual offer from 1 August?",  # a rate: a share
    "what did glenmarrow put council tax up by last year",  # a change
])
def test_a_figure_is_asked(question):
    assert question_kind(question) == "number"


def test_other_kinds_read_off_the_query():
    assert question_kind("lisandra offerhaus start date marenthia governor") == "date"
    assert question_kind("marchland farming awards dairy farmer of the year") == "person"
    assert question_kind("brenhaven fusion lab project lead") == "person"
    assert question_kind("varnholt open 2023 best junior prize") == "person"
    assert question_kind("fenmoor pension valuation actuaries") == "organisation"
    assert question_kind("aldane loan parent club") == "organisation"
    assert question_kind("Which organisation's grant paid for the Tarnmouth Food Larder's new warehouse?") \
        == "organisation"
    assert question_kind("which foundation paid for the bigger Marlowe-Finch Prize purse in 2024?") == "organisation"
    # a body's word inside a keyword query's name asks for nothing: "orrinsby foundation dementia award"
    assert question_kind("orrinsby foundation dementia award") != "organisation"
    # a rate is a figure, a company's sales a sum, "the average bill" a sum
    assert question_kind("What will the average Lathbury Water bill be from 1 April 2024?") == "money"
    assert question_kind("What commission rate did the tribunal order Corvane to charge developers?") == "number"
    assert question_kind("harbisons sales year to february 2025") == "money"


def test_a_side_a_giver_or_an_owner_may_be_a_club_or_a_firm():
    for question in ("who gave the biggest single donation to the light the way appeal?", "maren tollis owner",
                     "who lost the basketball final to the comets?", "who put the panels in at the solar farm?",
                     "tarrowgate women's league title decider opponents"):
        assert organisation_admitted(question), question
    for question in ("who scored the goal?", "who gave evidence at the inquest?", "who is the head coach?"):
        assert not organisation_admitted(question), question


def test_a_payment_under_a_pay_deal_is_a_sum_not_the_rise():
    sentence = "Drivers will get a 6.5% rise and a one-off payment of £1,200."
    assert [m.group(0) for m in pay_rise_figures("what pay rise did the drivers get?", sentence)] == ["6.5%"]
    assert pay_rise_figures("What one-off payment will drivers receive under the pay deal?", sentence) == []


def test_a_temperature_asked_is_a_figure_in_degrees():
    from rag.answer.answerability import asked_unit

    unit = asked_unit("How hot did it get in Ambrey on that record June Sunday?")
    assert unit.match("34.6C", 4) and unit.match("34.6 degrees", 4) and not unit.match("1884 when", 4)
