"""Session 34: "About / Roughly how many ...?" asks for a count (and "Roughly" names no one); "how many pensioners did
he persuade to invest?" may be answered by "persuaded 14 pensioners"; a question about what is under way ("how much's
the council saving?") takes a figure said as expected; "The £184m project" is what the project costs; a festival
"attracted" its attendance; the done verb of a relative clause ("the ship that hit the rocks") is not asked, nor is a
measure's "hit"; "after a consultation" proposes nothing; "who was appointed to chair" is answered by "will chair";
"named restaurant of the year" and "ended X's winning run" are wins; a keyword query's last plural noun is what it
counts ("passengers", not the 3 lifeboats), though not a count of people nor of "cuts". A "PhD" is no one, nor are
"Astronomers at Ladymoor Observatory". The date a thing was moved from is not its date. A person's deed may be said
in other words ("discovered by" for "who found", "Mission chief" for "who led"), and an age by the role asked
("captain Reuben Okonjo, 37,")."""

from rag.answer.answerability import (asked_dates, asked_heads, count_figures, done_verb_unsaid, figure_roles,
                                      ordinary_opening, priced_thing, role_age, type_hit)
from rag.answer.attachment import done_verb, tentative, unreported_win
from rag.answer.spans import FIGURE, extract_short
from rag.retrieval.analysis import analyse_question


def counts(question, sentence):
    analysis = analyse_question(question)
    return [m.group(0) for m in count_figures(analysis, sentence, list(FIGURE.finditer(sentence)))]


def test_about_or_roughly_how_many_is_a_count_and_no_name():
    for question in ("About how many passengers used the line on its first day?",
                     "Roughly how many schoolchildren voted on the Linnet Park equipment?"):
        analysis = analyse_question(question)
        assert analysis.kind == "number" and not {"About", "Roughly"} & set(analysis.names)
    assert analyse_question("Roughly how much did the bridge cost?").kind == "money"


def test_the_noun_a_how_many_question_counts_is_counted_beside_its_verb():
    sentence = 'The court heard he persuaded 14 pensioners to invest in a "retirement extension scheme".'
    assert counts("How many pensioners did Dennet Ashgrove persuade to invest?", sentence) == ["14"]
    assert counts("How many pensioners did Dennet Ashgrove persuade to invest?", "He ran 14 schemes.") == []
    assert counts("How many Aria Smart kettles were sold in Ireland?", "A further 9,400 units were sold.") == ["9,400"]


def test_a_keyword_querys_last_plural_noun_is_what_it_counts():
    sentence = "Crews in 3 lifeboats rescued 48 passengers from the ferry."
    analysis = analyse_question("skerrow ferry rescue passengers")
    assert analysis.is_keyword and analysis.kind == "number"
    assert [m.group(0) for m in count_figures(analysis, sentence, list(FIGURE.finditer(sentence)))] == ["48"]


def test_what_is_under_way_takes_a_figure_said_as_expected():
    sentence = "The council expects the change to save £740,000 a year."
    assert figure_roles("how much's harrowmere saving by going three-weekly on bins?", sentence) == []
    assert figure_roles("how much did harrowmere save by going three-weekly on bins?", sentence) != []
    assert figure_roles("How much is the building worth?", "It is expected to fetch £2m.") != []  # (a noun)


def test_a_sum_before_the_thing_at_the_start_of_a_sentence_is_its_cost():
    heads = asked_heads(analyse_question("ember valley railway cost"))
    assert priced_thing(heads, "The £184m project includes two new stations.")
    assert not priced_thing(heads, "The £2m grant will help.")


def test_a_festival_attracts_its_attendance():
    assert any("attract" in group for group in asked_heads(analyse_question("greyfield festival 2024 attendance")))


def test_a_relative_clauses_verb_and_a_measures_hit_are_not_the_done_verb():
    assert done_verb("how many crew were on the ship that hit the rocks in skerrow?") is None
    analysis = analyse_question("What was the strongest gust Storm Ysolde actually hit?")
    assert not done_verb_unsaid(analysis, "The strongest gust recorded was 83mph at Brannock Point.")
    assert done_verb_unsaid(analyse_question("How much did Arsenal pay for Rice?"), "Rice joined Arsenal.")


def test_a_finished_consultation_and_an_appointments_duty_are_not_tentative():
    assert not tentative("so how many jobs did zembrilo actually end up cutting?",
                         "Zembrilo has confirmed 380 redundancies after a consultation with staff.")
    assert tentative("How much did the council finally agree?", "The council has launched a consultation on a £4m "
                                                                "plan.")
    assert not tentative("Who was appointed to chair the Scarrow Bridge inquiry?",
                         "Retired judge Sir Lucian Haverbrook will chair the inquiry.")
    assert tentative("Who was sentenced to chair the board?", "Ann Lee will be sentenced on Friday.")


def test_an_award_named_and_a_winning_run_ended_are_wins():
    assert not unreported_win("Which restaurant won restaurant of the year?",
                              "The Saltbox has been named restaurant of the year at the awards.", "")
    assert not unreported_win("nethercombe show 2024 heaviest marrow winner",
                              "Fenella Gorst ended Albert Thrupp's winning run in the heaviest marrow class.", "")
    assert unreported_win("Which restaurant won restaurant of the year?", "The Saltbox is on the shortlist.", "")


def test_a_keyword_querys_people_and_cuts_are_not_read_as_another_count():
    analysis = analyse_question("upper gadsby referendum yes votes")
    sentence = "In Thursday's referendum 1,912 people voted yes and 604 voted no."
    assert "1,912" in [m.group(0) for m in count_figures(analysis, sentence, list(FIGURE.finditer(sentence)))]
    analysis = analyse_question("tarrow motors fenwick job cuts")
    assert type_hit(analysis, "Tarrow Motors will cut 1,200 jobs at Fenwick.") == 1.0


def test_a_degree_is_no_one():
    sentence = "It was first spotted on 11 March by PhD student Ottilie Brasswood, 26, while reviewing images."
    assert extract_short(analyse_question("Who discovered the comet C/2024 L3 (Ladymoor)?"), sentence) == \
        "Ottilie Brasswood"


def test_the_date_a_thing_was_moved_from_is_not_its_date():
    sentence = "The inauguration, originally due on April 28, has been moved to May 2 because of the court case."
    assert [m.group(0) for m in asked_dates("veltrania inauguration new date", sentence)] == ["May 2"]
    assert "April 28" in [m.group(0) for m in asked_dates("veltrania inauguration original date", sentence)]
    assert [m.group(0) for m in asked_dates("when is the final?", "It was postponed from 3 May to 9 May.")] == ["9 May"]


def test_a_deed_said_in_other_words_is_the_deed_asked():
    def heads(question):
        return set().union(*asked_heads(analyse_question(question)))
    assert {"discov", "spot"} <= heads("who found the new comet")
    assert {"chief", "head"} <= heads("Who led the monetary fund mission?")
    assert "came" in heads("Who finished second in the Quillan ward by-election?")
    assert "win" in heads("who ended up winning the continental league mvp this year?")


def test_an_age_given_by_the_role_asked_about():
    sentence = "Ellisford's goals came from captain Reuben Okonjo, 37, and midfielder Teo Lindqvar."
    assert role_age("how old is the ellisford captain?", sentence)
    assert not role_age("how old is the ellisford manager?", sentence)


def test_a_plural_of_people_opening_a_sentence_is_no_name():
    assert ordinary_opening("Astronomers", "Astronomers at Ladymoor Observatory have discovered a new comet.")
    assert not ordinary_opening("Withers", "Withers, 45, said the comet was bright.")
