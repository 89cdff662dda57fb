"""Session 22: superseded figures, sentences set in another place, a men's question over a women's report, the noun a
"how many" question counts past its names, lower-case names read from the corpus, and the follow-up label."""

from dataclasses import replace

import pytest

from rag.answer.answerability import (GATES, MONEY, Evidence, asked_dates, asked_heads, content_stems, date_off_event,
                                     gates, has_term, keyword_gate, other_edition, set_elsewhere, type_hit)
from rag.answer.attachment import group_of_other
from rag.answer.reasons import reason_span
from rag.answer.span_choice import EARLIER_ASKED, SUPERSEDED
from rag.retrieval.analysis import analyse_question, name_form
from rag.text import normalise


@pytest.mark.parametrize("sentence", ["An earlier estimate had put the figure at 1.6 million.",
                                      "Earlier reports had put the fee at £50m.",
                                      "The council had initially estimated the cost at £4m."])
def test_a_sentence_giving_a_superseded_figure(sentence):
    assert SUPERSEDED.search(sentence)


@pytest.mark.parametrize("sentence", ["The fee rose to £42m after add-ons.",
                                      "Officials said the first estimate of damage was due on Friday."])
def test_a_sentence_giving_a_current_figure(sentence):
    assert not SUPERSEDED.search(sentence)


def test_a_question_may_ask_for_the_earlier_figure():
    assert EARLIER_ASKED.search("what was the first offer for tarrowby?")
    assert EARLIER_ASKED.search("What was the initial estimate of customers affected?")
    assert not EARLIER_ASKED.search("How many customers were affected?")


@pytest.mark.parametrize("names, sentence, elsewhere", [
    (["Port Elsmere"], "In neighbouring Dunhollow, officials reported 95 heat admissions.", True),
    (["Harlow Bay"], "In Ferncastle, 40 miles to the north, the storm left 40,000 homes without power.", True),
    (["Harlow Bay"], "In Harlow Bay, three people died.", False),
    (["Storm Ilka"], "In Ferncastle, Storm Ilka left 40,000 homes without power.", False),  # it names the asked one
    (["Quillstone"], "In March, the company reported a loss.", False),  # a month is no place
    (["Quillstone"], "In a statement, the company said sales fell.", False),
])
def test_a_sentence_set_in_another_place(names, sentence, elsewhere):
    assert set_elsewhere(names, sentence) is elsewhere


def _passes(question: str, sentence: str, lead: str) -> bool:
    item = Evidence(sentence=sentence, context=f"{lead} ", meta=f"{lead} Wire 2025-06-02 June 02 2025",
                    article=f"{lead}. {sentence}", rank=0, retrieval=1.0)
    return bool(gates(analyse_question(question), [item])[0][GATES.index("qualifiers")])


def test_a_mens_question_is_not_answered_from_a_report_on_the_womens_final():
    lead = "Osei wins Belmont Open women's title"
    assert not _passes("Who won the Belmont Open men's final?", "Last year's champion, Lena Hofstad, lost.", lead)
    assert _passes("Who won the Belmont Open men's final?", "Tomas Ekberg beat Ruiz in straight sets.",
                   "Ekberg wins Belmont Open")


def test_a_how_many_question_counts_the_noun_after_its_names():
    analysis = analyse_question("How many Tallwick Bank customers were affected by the data breach?")
    assert asked_heads(analysis) == [{"custom"}]


def test_a_keyword_count_is_the_figure_said_of_a_name_the_query_gives():
    sentence = "Brevant Motors is recalling 64,000 Kestrel SUVs built between 2022 and 2024."
    query = content_stems("brevant kestrel recall number")
    assert keyword_gate({"number"}, sentence, sentence, query)
    assert not keyword_gate({"number"}, "Brevant Motors said dealers will fix the sensor.",
                            "Brevant Motors said dealers will fix the sensor.", query)


def test_how_a_text_writes_a_lower_case_word():
    text = "Ministers met in Marrakesh, Morocco, this week. Morocco's hosts said talks went on late."
    assert name_form("morocco", text) == "Morocco"
    assert name_form("talks", text) == ""


def test_the_follow_up_label_is_no_focus_word():
    analysis = analyse_question("earlier approach (following up on: Brackenvault, Tarrowby Freight)")
    assert "following" not in analysis.focus and "earlier" in analysis.focus


def test_a_when_s_question_dates_what_it_names():
    sentence = ("No candidate cleared 50% in the Lowmere mayoral race, sending Priya Nandakumar and Oscar Weil to a "
                "runoff on June 25.")
    assert not date_off_event(analyse_question("when's the lowmere mayoral runoff"), sentence)
    assert date_off_event(analyse_question("when's the lowmere mayoral count"), sentence)


def test_another_editions_sentence_for_a_name_read_with_its_year():
    analysis = replace(analyse_question("who won the 2023 rugby world cup final?"), names=["2023 Rugby World Cup"])
    assert other_edition(analysis, "The 2019 Rugby World Cup final between England and South Africa was a first.")
    assert not other_edition(analysis, "South Africa won the 2023 Rugby World Cup final in Paris.")


def test_how_effective_asks_a_figure_and_a_vote_result_may_be_a_share():
    assert analyse_question("How effective was the Orvane RSV vaccine at preventing severe illness?").kind == "number"
    sentence = "Members of the Northern Transit Workers Union voted 89% in favour of strike action, the union said."
    assert type_hit(replace(analyse_question("rail union strike vote result"), names=["Northern Transit"]), sentence)
    assert not type_hit(analyse_question("quist total votes kessingford"), "Amara Quist won with 52% of the vote.")


def test_the_asked_event_restated_after_after_is_no_cause():
    sentence = "All 212 passengers were evacuated after a fire broke out in its engine room on Saturday."
    assert reason_span(sentence, True, "what caused the fire on the orla star ferry") is None
    assert reason_span("The launch was pushed back after engineers found a faulty valve.", True,
                       "why was the launch pushed back?") == "engineers found a faulty valve"


def test_another_bodys_shareholders_say_nothing_of_the_asked_ones():
    sentence = "Shareholders in Corvale Foods voted 78% in favour of the company's takeover of Pinebridge Dairy."
    assert group_of_other(["Pinebridge"], "pinebridge shareholder vote result", sentence)
    assert not group_of_other(["Corvale"], "corvale shareholder vote result", sentence)
    assert not group_of_other(["Pinebridge"], "pinebridge deal value", sentence)  # no group asked
    assert not group_of_other(["Tallwick Bank"], "How many Tallwick Bank customers were affected?",
                              "Hackers accessed the records of 2.3 million customers in a breach.")


def test_a_prison_sentence_is_asked_of_a_sentence_on_one():
    analysis = analyse_question("How long could Bankman-Fried's sentence be?")
    assert asked_heads(analysis) and "sentenc" in asked_heads(analysis)[0]


@pytest.mark.parametrize("question, names", [
    ("How much does the iPhone 15 Pro cost?", ["iPhone 15 Pro"]),
    ("Did Apple release the iPhone 15?", ["Apple", "iPhone 15"]),
    ("Who won Super Bowl 57?", ["Super Bowl 57"]),
    ("What did Arsenal score against Chelsea 2 weeks ago?", ["Arsenal", "Chelsea"]),  # a count, no model
    ("How many people live in Kyiv?", ["Kyiv"]),
])
def test_a_model_number_stays_in_its_name(question, names):
    assert analyse_question(question).names == names


def test_a_model_is_named_in_full():
    assert has_term("iPhone 15 Pro", normalise("The iPhone 15 Pro Max starts at $1,199."))
    assert not has_term("iPhone 15 Pro", normalise("Charge your iPhone at the 15-watt speed, or your AirPods Pro."))
    assert not has_term("Pellow 7 Max", normalise("Orrinwick said it had sold 1.2 million Pellow 7 phones."))
    assert has_term("Kenny Doyle", normalise("Doyle scored twice."))  # names without a number as before


def test_the_day_a_statement_was_made_dates_no_event():
    sentence = ("Glenmarrow Council will ask residents for their views on a rise of up to 8% next year, finance "
                "convener Iain Drummock said on Monday.")
    assert not asked_dates("On what date will Glenmarrow Council hold its budget meeting?", sentence)
    assert asked_dates("When did Iain Drummock announce the consultation?", sentence)


def test_a_currency_prefix_stays_with_its_sum():
    assert [m.group(0) for m in MONEY.finditer("Rosso collects NZ$5,000 and a place at the final.")] == ["NZ$5,000"]
