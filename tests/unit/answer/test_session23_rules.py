"""Session 23: a C-suite title before "of" is a role, not part of a name; a name written after the kind of business
it is ("video streaming site Twitch") answers no "who" question; a C-suite title before a name is no part of it; a
price asked for a market is asked in its currency; a difference is no price; a sum is the measure (sales, profit,
loss; net or operating) its sentence names for it; the year before a measure is its figures' year; a quarter's
figure is none for the year."""

from dataclasses import replace
from datetime import date
from types import SimpleNamespace

import pytest

from rag.answer.answerability import (GATES, Evidence, a_difference, gates, in_asked_currency, market_currency,
                                     measure_fits, measure_named, other_years_only, person_answer, verb_before)
from rag.answer.span_choice import SPAN_FEATURES, Option, option_features
from rag.answer.spans import departing, extract_short, part_of_asked
from rag.retrieval.analysis import analyse_question, find_names, keyword_names

_SHEAR = ("As the search for a new permanent CEO continues, OpenAI has appointed Emmett Shear, the co-founder of video "
          "streaming site Twitch, as interim CEO — replacing Murati.")


def test_a_chief_officer_of_an_organisation_is_a_role_held_there():
    assert find_names("who replaced Mira Murati as interim CEO of OpenAI?") == ["Mira Murati", "OpenAI"]
    assert find_names("What did the Bank of England say?") == ["Bank of England"]


def test_a_business_named_after_its_kind_is_no_person():
    question = "who replaced Murati?"
    assert not person_answer("Twitch", _SHEAR, question)
    assert person_answer("Emmett Shear", _SHEAR, question)
    assert extract_short(analyse_question(question), _SHEAR, [_SHEAR]) == "Emmett Shear"
    hired = ("Brenmark Logistics has appointed Matthias Oberholzer, the former head of Swiss freight operator "
             "Alpentrans Cargo, as its chief executive.")
    assert extract_short(analyse_question("Who is Brenmark Logistics' new chief executive?"), hired, [hired]) == \
        "Matthias Oberholzer"


def test_a_chief_officer_title_is_no_part_of_the_answer():
    sentence = "The board named CTO Mira Murati as interim chief executive on Friday."
    assert extract_short(analyse_question("Who was named interim chief executive?"), sentence, [sentence]) == \
        "Mira Murati"


def test_a_title_before_a_name_makes_it_no_part_of_the_asked_thing():
    texts = ["Drivers will pay £9 a day under plans confirmed by mayor Ruth Adeyemi on Monday."]
    assert not part_of_asked("Adeyemi", "who won the kestrel valley mayoral election", texts)
    assert part_of_asked("Forge", "dorran keswick club before millhaven", ["He joined Millhaven Forge in May."])
    sentence = "Adeyemi won 41.3% of first-preference votes against 35.9% for Barraclough."
    assert extract_short(analyse_question("Who won the Kestrel Valley mayoral election?"), sentence,
                         [sentence, *texts]) == "Ruth Adeyemi"


@pytest.mark.parametrize("question,currency", [("velnora us price per dose", "$"), ("price in the U.S.", "$"),
                                               ("novaline arc price europe at launch", "€"), ("uk launch price", "£"),
                                               ("how much will it cost us?", None), ("tell us the price", None),
                                               ("how much did apple earn in europe?", None)])
def test_a_price_asked_for_a_market_is_asked_in_its_currency(question, currency):
    assert market_currency(question) == currency


def test_a_sum_in_another_currency_or_another_dollar_is_no_us_price():
    assert in_asked_currency("velnora us price per dose", "$895")
    assert not in_asked_currency("velnora us price per dose", "€640")
    assert not in_asked_currency("what is the price in the us", "C$345 million")
    assert in_asked_currency("what did it cost?", "SEK 489,000")


def test_a_sum_saying_by_how_much_one_figure_passes_another():
    sentence = "The headset now costs €1,349 in the eurozone, €50 more than first announced."
    assert a_difference("novaline arc price europe", sentence, sentence.index("€50") + 3)
    assert not a_difference("how much more does it cost now?", sentence, sentence.index("€50") + 3)
    assert not a_difference("novaline arc price europe", sentence, sentence.index("€1,349") + 6)


@pytest.mark.parametrize("question,amount,fits", [("halvern q2 net profit", "SEK 820 million", False),
                                                  ("halvern q2 net profit", "SEK 1.05 billion", False),
                                                  ("halvern q2 profit", "SEK 1.05 billion", True),
                                                  ("halvern q2 operating loss", "SEK 820 million", True),
                                                  ("how much did halvern make?", "SEK 820 million", True)])
def test_a_sum_is_the_measure_the_sentence_names_for_it(question, amount, fits):
    sentence = ("Halvern Motors reported a second-quarter operating loss of SEK 820 million on Thursday, compared with "
                "an operating profit of SEK 1.05 billion a year earlier.")
    at = sentence.index(amount)
    assert measure_fits(question, sentence, at, at + len(amount)) is fits


def test_a_year_before_the_measure_is_the_year_of_its_figures():
    item = Evidence(sentence="Ulvena reported 2024 revenue of €6.7 billion and a net profit of €910 million.",
                    context="Ulvena Chips to build plant", meta="", article="", rank=0, retrieval=1.0,
                    published=date(2025, 9, 1))
    assert other_years_only(analyse_question("ulvena 2025 net profit"), item)
    assert not other_years_only(analyse_question("ulvena 2024 net profit"), item)
    compared = replace(item, sentence="Net profit rose to €910 million, compared with 2024 when it was lower.")
    assert not other_years_only(analyse_question("ulvena 2025 net profit"), compared)


def test_a_quarter_figure_is_no_figure_for_the_year():
    item = Evidence(sentence="Net profit for the quarter rose to €286 million.", context="Ulvena raises forecast",
                    meta="Ulvena raises forecast 2025-10-22 22 October 2025", article="", rank=0, retrieval=1.0,
                    published=date(2025, 10, 22))
    qualifiers = GATES.index("qualifiers")
    assert not gates(analyse_question("ulvena 2025 net profit"), [item])[0][qualifiers]
    assert gates(analyse_question("ulvena q3 2025 net profit"), [item])[0][qualifiers]


def test_the_sum_the_sentence_says_values_it_answers_a_valuation():
    sentence = ("Lumivex has raised $220 million in a Series C round that values it at $1.6 billion, less than eight "
                "months after its previous funding.")
    assert extract_short(analyse_question("lumivex series c valuation"), sentence, [sentence]) == "$1.6 billion"
    assert measure_named("lumivex series c valuation", sentence, sentence.index("$1.6"))
    assert not measure_named("lumivex series c valuation", sentence, sentence.index("$220"))


def test_the_sum_after_the_asked_verb_answers():
    sentence = ("Shares in Nettlefin Payments opened at $29.50 on their first day of trading and closed at $31.44, up "
                "31% from the IPO price of $24.")
    assert extract_short(analyse_question("At what price did Nettlefin shares close on their first day of trading?"),
                         sentence, [sentence]) == "$31.44"
    assert extract_short(analyse_question("At what price did Nettlefin shares open on their first day of trading?"),
                         sentence, [sentence]) == "$29.50"
    assert not verb_before("how much was the chair paid?", [], "She was paid £1.3m", len("She was paid "))


def test_a_model_number_is_no_count():
    sentence = "Sarrowby Airlines has ordered 40 AV-220 narrowbody jets from the planemaker Aerodyn Vallis."
    assert extract_short(analyse_question("how many planes did sarrowby order from aerodyn vallis"), sentence,
                         [sentence]) in ("40", "40 AV-220 narrowbody jets")


def test_an_ousted_holder_is_no_new_one():
    sentence = ("Morvane Telecom's board has ousted chief executive Ramón Estivariz after five years and appointed "
                "Lucía Berengue-Mott to replace him.")
    assert departing("Ramón Estivariz", sentence, "morvane telecom new chief executive")


def test_a_permanent_appointment_may_be_told_by_its_report_title():
    item = Evidence(sentence="Brenmark Logistics has appointed Matthias Oberholzer as its chief executive.",
                    context="Brenmark hires former rail freight boss as permanent chief executive", meta="",
                    article="", rank=0, retrieval=1.0)
    question = analyse_question("Who is Brenmark Logistics' new permanent chief executive?")
    qualifiers = GATES.index("qualifiers")
    assert gates(question, [item])[0][qualifiers]
    acting = replace(item, sentence="Brenmark Logistics has named Priya Venkataram as acting chief executive.")
    assert not gates(question, [acting])[0][qualifiers]


def test_a_letter_after_a_lower_case_name_stays_with_it_when_the_texts_write_them_together():
    texts = ["Lumivex raised $85 million in a Series B round led by Carrowmere Capital; Tallgrass Harbor led the "
             "Series C."]
    assert "Series B" in keyword_names(analyse_question("who led lumivex's series b round"), texts)
    assert "Series" in keyword_names(analyse_question("lumivex series x round"), texts)


def test_the_kind_asked_for_is_no_word_an_answering_sentence_must_say():
    question = analyse_question("Which company agreed to buy Tessa Gate from Quillrow?")
    hit = SimpleNamespace(title="Quillrow sells Tessa Gate")
    said = SimpleNamespace(text="The Commission said the combined company would have held 46% of the market.",
                           probability=0.9, hit=hit)
    option = Option(text="Commission", candidate=said, start=4, rule=True)
    coverage = SPAN_FEATURES.index("sentence_coverage")
    assert option_features(question, [option], [said])[0][coverage] == 0.0
