"""Rules from session 50's trial of the default corpus: a scoreline that counts no goals ("his two strikes in the
5-2 win"), a firm bought that is no buyer ("its purchase of LinkedIn" for "who bought Activision?"), and a week, month
or year named relative to the article ("this month (November 2023)")."""

from datetime import date

from rag.answer.extractive import dated
from rag.answer.spans import extract_short
from rag.retrieval.analysis import analyse_question


def _short(question: str, sentence: str) -> str | None:
    return extract_short(analyse_question(question), sentence, [sentence])


def test_a_scoreline_counts_no_goals_but_a_vote_tally_stays():
    assert _short("How many goals did Haaland score?", "His two strikes in the 5-2 win against Al Ittihad saw him go "
                  "top.") is None  # (was "5"; "two strikes" are not said to be goals)
    assert _short("How many goals did Haaland score?", "Haaland has scored 14 goals this season, including two in "
                  "the 5-1 win over Luton.") == "14 goals"
    assert _short("yelverton leadership vote margin", "Dunstan Yelverton was elected leader, beating Oriel Maddox by "
                  "38 votes to 27 at an extraordinary meeting.").startswith("38 votes")  # a tally, no match


def test_a_firm_bought_is_no_buyer():
    sentence = ("Though the $69bn Corvane deal was the biggest in Halvorsen's history, that would be its $26bn "
                "purchase of Linkwell in 2016.")
    assert _short("who bought corvane", sentence) is None  # (was "Linkwell")
    assert _short("Who bought Corvane Games?", "Halvorsen bought Corvane Games for $69bn in October.") == "Halvorsen"
    assert _short("Who owns Linkwell?", "Halvorsen completed its purchase of Linkwell in 2016.") == "Halvorsen"


def test_a_week_month_or_year_is_dated_from_the_article():
    published = date(2023, 11, 7)  # a Tuesday
    assert dated("this month", published) == "this month (November 2023)"
    assert dated("last month", date(2023, 1, 5)) == "last month (December 2022)"
    assert dated("next month", date(2023, 12, 5)) == "next month (January 2024)"
    assert dated("last year", published) == "last year (2022)"
    assert dated("last week", published) == "last week (the week of 30 October 2023)"
    assert dated("this week", published) == "this week (the week of 6 November 2023)"
    assert dated("this month", None) == "this month"
