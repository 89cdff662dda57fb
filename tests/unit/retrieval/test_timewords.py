from datetime import date

from rag.retrieval.timewords import narrow_dates, newest_first, read_time_words
from rag.types import Hit

NEWEST = date(2023, 12, 25)


def test_relative_words_resolve_against_the_newest_article_date():
    week = read_time_words("What happened last week?", NEWEST)
    assert (week.since, week.until, week.anchor, week.query) == (date(2023, 12, 18), NEWEST, NEWEST, "What happened?")
    assert "2023-12-25, the newest article date" in week.note()
    yesterday = read_time_words("What happened yesterday in Sumy?", NEWEST)
    assert (yesterday.since, yesterday.until, yesterday.query) == (date(2023, 12, 24), date(2023, 12, 24),
                                                                    "What happened in Sumy?")
    month = read_time_words("What was reported this month about Apple?", NEWEST)
    assert (month.since, month.until) == (date(2023, 12, 1), NEWEST)
    assert read_time_words("What happened last week?", None) is None  # an empty index has no "now"


def test_month_year_and_parts_of_a_year_become_date_filters():
    may = read_time_words("What did TechCrunch report in May 2025?", NEWEST)
    assert (may.since, may.until, may.anchor) == (date(2025, 5, 1), date(2025, 5, 31), None)
    early = read_time_words("Which companies raised money in early 2024?", NEWEST)
    assert (early.since, early.until) == (date(2024, 1, 1), date(2024, 4, 30))
    late = read_time_words("What happened in late November 2023?", NEWEST)
    assert (late.since, late.until) == (date(2023, 11, 21), date(2023, 11, 30))


def test_full_dates_and_bare_years_are_left_to_question_analysis():
    assert read_time_words("Did the TechCrunch article published on October 7, 2023 say so?", NEWEST) is None
    assert read_time_words("Who won the 2023 Nobel prize?", NEWEST) is None
    assert read_time_words("how did the Astros actually steal signs in 2017?", NEWEST) is None  # dates the event
    assert read_time_words("how much is the Topix up this year?", NEWEST) is None


def test_latest_ranks_relevant_hits_newest_first():
    words = read_time_words("What's the latest on the OpenAI board?", NEWEST)
    assert words.latest and words.query == "the OpenAI board?"

    def hit(name, score, day):
        return Hit(article_id=name, title=name, text=name, score=score, start=0, end=1, published=day)

    hits = [hit("old", 0.9, date(2023, 10, 1)), hit("new", 0.6, date(2023, 12, 1)), hit("undated", 0.8, None),
            hit("irrelevant", 0.1, date(2023, 12, 20))]
    assert [h.article_id for h in newest_first(hits, 4)] == ["new", "old", "undated", "irrelevant"]


def test_narrow_dates_keeps_the_tighter_window():
    words = read_time_words("news in December 2023", NEWEST)
    assert narrow_dates(date(2023, 12, 10), None, words) == (date(2023, 12, 10), date(2023, 12, 31))


def test_time_phrases_that_describe_the_story_are_not_filters():
    for question in ["Which company, founded in late 2015 and known for ChatGPT, did TechCrunch cover?",
                     "Does the Business Today | Latest Stock Market News article discuss Italy?",
                     "Did the CNBC article discussing the latest trends in credit services mention Visa?",
                     "Considering the ESPN article on the team at the DY Patil Sports Academy and the Cricbuzz report "
                     "on its history, which team in blue won a match there and a title in an ICC event held in 2011?"]:
        assert read_time_words(question, NEWEST) is None, question
    assert read_time_words("What did The Verge report in November 2023 about Apple?", NEWEST).since == date(2023, 11, 1)


def test_a_months_figure_is_looked_for_in_the_month_after_too():
    from datetime import date

    from rag.retrieval.timewords import read_time_words

    figure = read_time_words("What was Castrel's inflation rate in May 2024?", date(2024, 12, 1))
    assert (figure.since, figure.until) == (date(2024, 5, 1), date(2024, 6, 30))
    event = read_time_words("What happened in Sumy in May 2025?", date(2025, 12, 1))
    assert (event.since, event.until) == (date(2025, 5, 1), date(2025, 5, 31))


def test_a_window_after_a_reporting_word_dates_the_report_only():
    august = Hit(text="", score=1.0, article_id="a", title="", source="", published=date(2023, 8, 2), url="", start=0,
                 end=0)
    announced = read_time_words("Which companies announced layoffs in early 2024?", NEWEST)
    assert announced.reported and not announced.outside([august])
    rate = read_time_words("hollowmere easy saver rate september 2023", NEWEST)
    assert not rate.reported and rate.outside([august])  # the August report lies outside September-October
