from datetime import date
from pathlib import Path

import pytest

from rag.ingest.clean import clean_text, is_boilerplate, parse_dateline, split_dateline, split_header
from rag.ingest.readers import read_file

SEEDS = Path(__file__).parents[3] / "seeds"
WITH_BOILERPLATE = SEEDS / "002_7bc19d3e9746e9a9.txt"
WITH_CAPTION = SEEDS / "000_04a9e4f104fbd3c5.txt"


def _article(path):
    articles, failed = read_file(path, max_bytes=10**7)
    assert failed == [] and len(articles) == 1
    return articles[0]


def test_ads_read_also_watch_and_agency_lines_are_removed_from_seed():
    body = _article(WITH_BOILERPLATE).body
    for residue in ("Advertisment", "Also read |", "Watch |", "inputs from agencies"):
        assert residue.lower() not in body.lower()


def test_tweet_embed_residue_is_removed_but_reporting_is_kept():
    body = _article(WITH_BOILERPLATE).body
    assert "pic.twitter.com" not in body and "(@ZelenskyyUa)" not in body
    assert "Rutte met with Ukrainian leader Volodymyr Zelensky during a surprise visit to the port city of Odesa." in body
    assert "killed 35 people in the north-eastern Sumy region" in body


def test_dateline_becomes_published_date_and_leaves_the_text():
    article = _article(WITH_BOILERPLATE)
    assert article.published == date(2025, 4, 15)
    assert not article.body.lower().startswith("date")
    assert article.body.startswith("NATO chief Mark Rutte said that talks on ceasefire")
    assert (article.title, article.source) == (
        "Peace talks 'not easy', NATO chief Mark Rutte says during meeting with Zelensky in Odesa", "WION")


def test_photo_caption_is_dropped_and_its_date_is_not_the_publication_date():
    article = _article(WITH_CAPTION)
    assert article.title == "Rutte Backs Trump’s Ukraine Peace Efforts, Slams Russian Attacks as “Terrible Pattern”"
    assert article.source == "Channel 8" and article.url == "https://channel8.com/english/36132"
    assert "FABRICE COFFRINI" not in article.body and "January 23, 2025" not in article.body
    assert article.published is None  # the caption's date is when the photo was taken, not the article's date
    assert article.body.startswith("During an unannounced visit to the Ukrainian port city of Odesa")


def test_clean_text_collapses_whitespace_and_keeps_paragraphs():
    assert clean_text("One  \t line.\n\n\n\nAdvertisement\n\nTwo\u00a0lines.") == "One line.\n\nTwo lines."


def test_boilerplate_detection_does_not_eat_reporting_that_mentions_ads():
    assert is_boilerplate("Advertisement")
    assert is_boilerplate("Also Read: Five things to know")
    assert not is_boilerplate("Advertisement revenue at Meta rose 23% in the quarter.")
    assert not is_boilerplate("Watch makers reported a weak quarter.")


def test_split_dateline():
    assert split_dateline(" date 2025-04-15 Body text") == (date(2025, 4, 15), "Body text")
    assert split_dateline("Body without date") == (None, "Body without date")


@pytest.mark.parametrize("line, expected", [
    ("date 2023-12-22", date(2023, 12, 22)),
    ("December 22, 2023", date(2023, 12, 22)),
    ("Dec. 22, 2023", date(2023, 12, 22)),
    ("22 December 2023", date(2023, 12, 22)),
    ("22/12/2023", date(2023, 12, 22)),
    ("12/22/2023", date(2023, 12, 22)),  # the second number cannot be a month: month first
    ("Fri, 22 Dec 2023 10:15:00 +0000", date(2023, 12, 22)),  # RFC 822
    ("Published: 2023-12-22T23:30:00-05:00", date(2023, 12, 22)),  # the date as written, not moved by its zone
    ("Updated: December 22, 2023 | Reuters", date(2023, 12, 22)),
])
def test_dateline_forms(line, expected):
    assert parse_dateline(line)[0] == expected


@pytest.mark.parametrize("line", ["December 22, 2023 was a cold day in Kyiv.", "Rents rose 4% in 2023",
                                  "Fire destroys 14 boats", "31/02/2023"])
def test_sentences_and_impossible_dates_are_not_datelines(line):
    assert parse_dateline(line) == (None, line)


def test_dateline_right_after_the_title_is_metadata_and_leaves_the_body(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Harbour reopens after storm\ndate 2023-12-22\n\nThe harbour reopened on Friday.\n")
    article = _article(path)
    assert (article.title, article.published) == ("Harbour reopens after storm", date(2023, 12, 22))
    assert article.body == "The harbour reopened on Friday."


def test_source_and_url_lines_in_the_first_three_lines_are_metadata(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Harbour reopens\nSource: Harbour Times\n22/12/2023\nThe harbour reopened.\n")
    article = _article(path)
    assert (article.source, article.published, article.body) == ("Harbour Times", date(2023, 12, 22),
                                                                 "The harbour reopened.")
    fields, published, rest = split_header("Title\nBody one\nBody two\nSource: not a header, line four\n")
    assert fields == {} and published is None and "Source: not a header" in rest


def test_outlet_comes_from_the_url_host_else_unknown_never_the_file_name(tmp_path):
    (tmp_path / "a.txt").write_text("---\nurl: https://www.reuters.com/world/x\n---\nHeadline\nBody text here.\n")
    (tmp_path / "000_04a9e4f104fbd3c5.txt").write_text("Headline two\nBody text here.\n")
    assert _article(tmp_path / "a.txt").source == "reuters.com"
    assert _article(tmp_path / "000_04a9e4f104fbd3c5.txt").source == "unknown source"
