"""Session 21: the cause a "why" question asks for, keyword queries that state something, keyword asking words."""

import pytest

from rag.answer.extractive import with_keyword_names
from rag.answer.reasons import REASON_ASKED, reason_span
from rag.retrieval.analysis import analyse_question, question_kind, states_something
from rag.types import Hit


@pytest.mark.parametrize("question", [
    "why did the launch get pushed back?", "so why is the hotel opening late?", "halvercrest outage cause",
    "What caused the shortage of screen panels?", "what pushed inflation down in march?",
    "What was the reason for the delay?"])
def test_a_question_asking_for_a_cause(question):
    assert REASON_ASKED.search(question)


@pytest.mark.parametrize("question", ["who won the cup?", "how much did the bridge cost?",
                                      "what did the council decide?"])
def test_a_question_asking_no_cause(question):
    assert not REASON_ASKED.search(question)


@pytest.mark.parametrize("sentence, weak, cause", [
    ("Vantrelle Foods reported a fall in profit, blaming higher cocoa costs for its snack range.", False,
     "higher cocoa costs"),
    ("The plan was rejected because of flood risk and extra traffic on Sedge Lane, the committee said.", False,
     "flood risk and extra traffic on Sedge Lane"),
    ('Chief operating officer Ferdinand Gwillam blamed "a faulty software update to our payments system".', False,
     "a faulty software update to our payments system"),
    ("The opening has been delayed after its contractor, Dunmere Build, went into administration in March.", True,
     "its contractor, Dunmere Build, went into administration in March"),
    # "after" only orders events unless a surer word is missing, and a meeting is when, not why
    ("The opening has been delayed after its contractor went into administration.", False, None),
    ("Councillors refused permission for 140 homes after a three-hour meeting at the Guildhall.", True, None),
    ("The match went ahead as planned on Saturday.", True, None),
])
def test_the_cause_a_sentence_gives(sentence, weak, cause):
    assert reason_span(sentence, weak) == cause


@pytest.mark.parametrize("words, states", [
    ("bypass opened ahead of schedule", True), ("corwin found guilty", True), ("show cave stays open", True),
    ("series c completed", True),
    ("amount stolen", False),  # a sum asked for
    ("post office robbery cash taken", False),
    ("play-off semi-final lost to", False),  # whom it was lost to
    ("referendum spoiled ballots", False), ("flights cancelled first strike day", False),  # a verb form describing
    # a noun
    ("outage cause", False), ("hourly timetable start", False), ("united ground capacity", False)])
def test_a_keyword_query_that_states_something(words, states):
    assert states_something(words) is states


def _hit(text: str) -> Hit:
    return Hit(chunk_id="c1", article_id="a1", title="Marrowby bypass opens early", source="Courier", published=None,
               url="", text=text, score=1.0, start=0, end=len(text))


def test_a_stating_keyword_query_asks_whether_it_is_so_and_one_naming_a_figure_does_not():
    hits = [_hit("The £61m Marrowby bypass opened to traffic on Tuesday, six weeks ahead of schedule.")]
    analysis = with_keyword_names(analyse_question("marrowby bypass opened ahead of schedule"), hits)
    assert analysis.kind == "yesno" and "Marrowby" in analysis.names
    assert with_keyword_names(analyse_question("marrowby bypass cost"), hits).kind == "money"
    # a full question is read by its question word, never as a statement
    assert with_keyword_names(analyse_question("Why was the Marrowby bypass opened early?"), hits).kind == "open"


def test_sums_in_other_currencies_and_in_one_the_text_names():
    from rag.answer.answerability import MONEY
    found = lambda text: [m.group(0) for m in MONEY.finditer(text)]  # noqa: E731
    assert found("It cost 62 million solen to refurbish.") == ["62 million solen"]
    assert found("a profit of 318 million Drovian marks") == ["318 million Drovian marks"]
    assert found("a fine of 5 million rand and £2m") == ["5 million rand", "£2m"]
    assert found("2 million passengers and 85 exam marks") == []  # counts, not sums


def test_a_what_year_question_takes_the_year_a_sentence_gives_else_its_day():
    from rag.answer.answerability import asked_dates
    sentence = "Kasmalen replaced six ministers on Thursday, the biggest shake-up since she took office in 2021."
    assert [m.group(0) for m in asked_dates("what year did kasmalen become prime minister?", sentence)] == ["2021"]
    assert [m.group(0) for m in asked_dates("In which year was the vote held?", "Voters went to the polls on Sunday.")
            ] == ["Sunday"]  # a day alone: read with the report's date


def test_a_count_asked_in_one_word_is_said_in_another():
    from rag.answer.answerability import asked_heads
    assert "home" in asked_heads(analyse_question("How many houses did the wildfire destroy?"))[0]


def test_a_half_year_is_said_as_six_months_to_june():
    from rag.answer.answerability import _PERIOD_FORMS
    import re
    assert re.search(_PERIOD_FORMS["first half"], "pre-tax profit for the six months to june 30", re.I)
    assert not re.search(_PERIOD_FORMS["first half"], "pre-tax profit for 2024 fell 15 per cent", re.I)


def test_a_date_still_to_come_does_not_say_when_something_was_done():
    from rag.answer.answerability import asked_dates
    sentence = "Thornbeck is due to appear at Dunwarren Crown Court on 22 September."
    assert asked_dates("when did thornbeck plead guilty?", sentence) == []
    assert [m.group(0) for m in asked_dates("When was Thornbeck due to appear at the crown court?", sentence)] \
        == ["22 September"]  # the question asks for that date


def test_a_count_is_never_a_sum():
    from rag.answer.answerability import type_hit
    sentence = "Pennywhistle Bank will pay a total of £1.2m in compensation to customers."
    assert type_hit(analyse_question("how many customers have claimed for extra costs like late fees?"),
                    sentence) == 0.0


def test_places_and_things_are_no_people():
    from rag.answer.answerability import person_answer, person_like
    assert not person_like("Gullet Beach") and not person_like("Kelderby Skyline") and person_like("Halloran Pike")
    assert not person_answer("Hob Pike", "He fell ill near the summit of Hob Pike.", "Which coroner handled it?")


def test_a_weak_cause_that_is_the_asked_event_itself_is_no_reason():
    sentence = "The number of stops has fallen from five to four after a proposed stop at Cobbler's Yard was dropped."
    assert reason_span(sentence, True, "Why was the proposed Cobbler's Yard tram stop dropped?") is None
    assert reason_span(sentence, True) == "a proposed stop at Cobbler's Yard was dropped"


def test_a_keyword_query_stating_what_the_named_did():
    assert states_something("admitted boatyard arson")


def test_a_vote_tally_in_words_is_a_score():
    from rag.answer.answerability import SCORE
    assert SCORE.search("approved the plant by seven votes to four").group(0) == "seven votes to four"


def test_falling_short_of_a_forecast_is_not_hitting_it():
    from rag.answer.attachment import contrary
    assert contrary("did gristlow actually hit the 36c that was forecast?",
                    "The reading fell short of the 36C that forecasters had predicted.")
    assert not contrary("did gristlow hit 36c?", "The city hit 36C on Saturday.")


def test_a_quoted_cause_ends_with_its_quotation():
    assert reason_span('A spokesperson blames "a failed software update at one of our data centres" and apologises.'
                       ) == "a failed software update at one of our data centres"


def test_a_winner_question_about_the_beaten_is_a_no():
    from rag.answer.verdict import beaten_asked
    assert beaten_asked(analyse_question("Did Ilya Vantongeren win the men's title?"),
                        "Callum Brightmore beat two-time defending champion Ilya Vantongeren 6-4 3-6 7-6.")
    assert beaten_asked(analyse_question("did solvane win third drevhaven title"),
                        "Bastien Kollo won on Sunday, denying Emric Solvane a third consecutive title.")
    assert not beaten_asked(analyse_question("Did Callum Brightmore win the men's title?"),
                            "Callum Brightmore beat two-time defending champion Ilya Vantongeren 6-4 3-6 7-6.")


@pytest.mark.parametrize("question, latest", [
    ("so what did the viaduct repair end up costing?", True), ("how many jobs are actually going in the end?", True),
    ("How many homes were finally approved?", False), ("how much did the repair cost?", False)])
def test_a_question_asking_how_a_story_ended(question, latest):
    from rag.answer.span_choice import LATEST_ASKED
    assert bool(LATEST_ASKED.search(question)) is latest


def test_a_firm_named_by_its_class_is_no_person():
    from rag.answer.answerability import person_answer
    sentence = "Castwell has appointed Meredith Quarles, a former finance director of the supermarket chain Holloway."
    assert not person_answer("Holloway", sentence, "who's the new chair at castwell?")
    assert person_answer("Meredith Quarles", sentence, "who's the new chair at castwell?")


@pytest.mark.parametrize("words, states", [
    ("institutions ranked", False), ("combined workforce", False),  # a count; a noun's modifier
    ("deal done", True)])
def test_which_keyword_words_state_something(words, states):
    assert states_something(words) is states


def test_tonight_is_a_day_of_the_report():
    from datetime import date
    from rag.answer.extractive import dated
    assert dated("tonight", date(2024, 10, 22)) == "tonight (22 October 2024)"


def test_a_consultation_that_runs_until_a_date_closed_then():
    from rag.answer.answerability import asked_dates
    assert [m.group(0) for m in asked_dates("when did the consultation close?",
                                            "The consultation runs until 15 March.")] == ["15 March"]


def test_jobs_at_risk_are_no_jobs_lost_and_staff_now_no_staff_to_come():
    from rag.answer.answerability import figure_roles
    sentence = "The firm has gone into administration, putting about 1,100 jobs at risk."
    assert figure_roles("How many staff were made redundant in January?", sentence)
    assert not figure_roles("How many jobs are at risk?", sentence)
    sentence = "The company, which now has 34 employees, would open a plant in Tolgarth in 2026."
    assert any(sentence[a:b].endswith("34") for a, b in figure_roles("How many people will work at the plant?",
                                                                      sentence))


def test_a_question_about_a_names_own_people_is_not_confirmed_by_anothers():
    from rag.answer.verdict import others_of
    analysis = analyse_question("Did Castwell Brands' own shareholders vote to approve the Pellerin takeover?")
    assert others_of(analysis, "Shareholders of Pellerin Foods approved the takeover last month.")
    assert not others_of(analysis, "The company's shareholders approved the deal.")


def test_whom_a_named_side_beat_is_named_after_its_own_win():
    from rag.answer.spans import extract_short
    sentence = ("Kettleborn hit a nine-dart finish on his way to beating Lee Pardew 7-4, while Vossmark edged past "
                "defending champion Mick Orrell 7-6.")
    assert extract_short(analyse_question("Whom did Anders Vossmark defeat in his semi-final?"), sentence) \
        == "Mick Orrell"
    assert extract_short(analyse_question("Whom did Ines Barrowclough beat in the final?"),
                         "Women's single sculls: Ines Barrowclough (Kelderby ARC) won by two lengths.") is None


def test_an_outcome_spoken_of_as_an_open_question_confirms_nothing():
    from rag.answer.answerability import content_stems
    from rag.answer.verdict import hypothetical
    asked = content_stems("found guilty")
    assert hypothetical(asked, "The trial is likely to be more consequential than whether he is found guilty.")
    assert not hypothetical(asked, "He has been found guilty on seven counts.")


@pytest.mark.parametrize("question, kind", [
    ("which felsmoor keeper saved two pens in the shootout?", "person"),
    ("scarrowby post office record holder", "person"),
    ("esterwald inflation april", "number"),
    ("grisendale series b amount", "money"),
    ("upper wenlow parish clerk amount stolen", "money"),  # the sum, not the clerk
    ("dunmarra electronics headquarters", "place"),
    ("ebriscan reserve bank next meeting", "date"),
    ("what did the ebriscan central bank cut its rate to in february?", "number"),
    ("What did the July cabin crew strike cost Halcyra Airways, according to the airline?", "money"),
    ("agrarian union cabinet posts", "number"),
    ("so what did the oriel telescope end up costing in the end?", "money"),
    ("who got the contract to build the tram extension?", "organisation"),
    ("Which coroner handled the inquest?", "person"),
    ("who was the dog walker that found the fossil?", "person"),
    ("mardlow finch total dividend year", "money"),  # the dividend for the year
    ("which actuaries carried out the valuation?", "organisation"),
    ("aldermoor prize winner hometown", "place"),
    ("Which actor played the harbourmaster in Harbour Lights?", "person"),
])
def test_what_a_question_asks(question, kind):
    assert question_kind(question) == kind
