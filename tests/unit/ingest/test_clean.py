from datetime import date
from pathlib import Path

from rag.ingest.clean import clean_text, is_boilerplate, split_dateline
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
    assert article.title.startswith("NATO chief Mark Rutte said that talks on ceasefire")


def test_photo_caption_is_dropped_and_its_date_is_not_the_publication_date():
    article = _article(WITH_CAPTION)
    assert article.title == "Rutte Backs Trump’s Ukraine Peace Efforts, Slams Russian Attacks as “Terrible Pattern”"
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
