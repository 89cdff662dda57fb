"""A month or part of a year a question names dates what is asked as often as the report (bundled MiniLM, Chroma in
tmp_path): a rate rise for September is announced in August, a year's closing assets reported the next spring. When
the question's window holds nothing as relevant as the rest of the corpus, every date is searched and the answer reads
the time words; when it does hold the report, the window still filters."""

import pytest

from tests.integration.test_keyword_followups import indexed

pytestmark = pytest.mark.slow

TEXTS = {
    "rate.txt": """---
title: Hollowmere lifts Easy Saver rate to 3.65%
source: Marchland Money
date: 2023-08-02
---
Hollowmere Building Society will raise the rate on its Easy Saver account to 3.65 percent from 1 September, chief
executive Tobiah Grennick announced. The society has 212,000 savers.
""",
    "harvest.txt": """---
title: Wet June cuts Stallingford harvest
source: Marchland Money
date: 2023-10-25
---
Stallingford Estate picked 41 tonnes of grapes this autumn, down from 63 tonnes, after a wet June.
""",
    "library.txt": """---
title: Glimmerford library to reopen in October
source: Marchland Money
date: 2023-10-03
---
Glimmerford library reopened on 2 October 2023 after a £3.7m refurbishment, with 48,000 books on its shelves.
""",
}


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory, bundled_embedder):
    return indexed(tmp_path_factory.mktemp("window"), bundled_embedder, TEXTS)


def test_a_figure_announced_before_its_month_is_found_and_the_note_says_every_date_was_searched(pipeline):
    answer = pipeline.ask("hollowmere easy saver rate september 2023")
    assert not answer.refused and answer.short.startswith("3.65")
    assert "every date was searched" in answer.note


def test_a_window_that_holds_the_report_still_filters(pipeline):
    answer = pipeline.ask("How many books were on the shelves when Glimmerford library reopened in October 2023?")
    assert not answer.refused and "48,000" in answer.short
    assert "every date was searched" not in answer.note
    hits = pipeline.retrieve("What did Marchland Money report in October 2023?")
    assert hits and all(h.published.month == 10 for h in hits)


def test_the_time_words_are_read_when_every_date_was_searched(pipeline):
    # the August report is the only one on Hollowmere; asked of another month and year it does not answer
    answer = pipeline.ask("hollowmere easy saver rate march 2021")
    assert answer.refused
