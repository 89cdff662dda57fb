"""Time words in a news question: "latest", "last week", "yesterday", "in May 2025", "early 2024".

A year alone ("in 2017", "this year") is not read: in news questions it usually dates the event, not the article.

A news corpus has its own "now": relative words are resolved against the newest publication date in the index,
not the clock (an archive of 2023 news asked about "last week" means the last week of that archive). The answer
says which date was used. "latest / most recent / newest" ask for the newest of the relevant passages, so those are
ranked by publication date; month and year phrases become date filters.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..types import Hit
from .question import MONTH_PATTERN as _MONTH
from .question import MONTHS as _MONTHS

# "latest" asks for the newest only as the thing asked about ("the latest on X", "latest news about X"), not inside
# an outlet's name ("Business Today | Latest Stock Market News") or a description ("discussing the latest trends").
_LATEST = re.compile(r"(?:^|\b(?:what(?:'s|\s+is|\s+are)|tell\s+me|give\s+me|show\s+me|find)\s+)(?:the\s+)?"
                     r"(?:latest|most\s+recent|newest)(?:\s+(?:news|update|updates|developments|reports?|articles?|"
                     r"stories|story|coverage))?(?:\s+(?:on|about|regarding|from|in))?\b", re.IGNORECASE)
SHORT_QUESTION_WORDS = 25
# A time phrase filters by publication date when it ends the question or follows a word about reporting; elsewhere it
# describes the story ("a company founded in late 2015", "usage rose during December 2022") and is left alone.
_REPORTING = re.compile(r"\b(?:news|report(?:s|ed)?|say|says|said|happen(?:s|ed)?|publish(?:ed)?|announce[sd]?|"
                        r"write|wrote|written|cover(?:s|ed)?|articles?|stories|headlines|update[sd]?)\W+(?:\w+\W+){0,3}$",
                        re.IGNORECASE)
_RELATIVE = re.compile(r"\b(?:(?:in|over|during|from)\s+the\s+)?(?P<phrase>yesterday|today|"
                       r"(?:last|past|this|previous)\s+(?:week|month)|(?:last|past)\s+(?P<n>\d{1,3})\s+days)\b",
                       re.IGNORECASE)
_PART = r"(?P<part>early|mid|late|the\s+start\s+of|the\s+end\s+of)[\s-]+"
_MONTH_YEAR = re.compile(rf"\b(?:(?:in|during|from|of|throughout)\s+)?(?:{_PART})?(?P<month>{_MONTH})\.?,?\s+"
                         r"(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)
# A year alone ("in 2017", "this year") usually dates the event, not the article (a 2023 story on the 2017 Astros
# scandal), so only a part of a year ("early 2024", "late 2023") becomes a filter.
_YEAR = re.compile(rf"\b(?:(?:in|during|throughout)\s+)?(?:{_PART})(?P<year>(?:19|20)\d\d)\b(?![-/]\d)",
                   re.IGNORECASE)
# Parts of a year and of a month: early 2024 = January to April, mid = May to August, late = September to December.
_YEAR_PARTS = {"early": (1, 4), "the start of": (1, 3), "mid": (5, 8), "late": (9, 12), "the end of": (10, 12)}
_MONTH_PARTS = {"early": (1, 10), "the start of": (1, 10), "mid": (11, 20), "late": (21, 31), "the end of": (21, 31)}


@dataclass
class TimeWords:
    """What the time words of a question mean: a date window, "newest first", and the words as found."""

    query: str  # the question without the time words (what is searched and answered), but for `kept`
    kept: str = ""  # time words the answer must still read: a figure's month ("in February" of "in February 2024")
    phrase: str = ""  # the time words as written, e.g. "last week"
    since: date | None = None
    until: date | None = None
    latest: bool = False
    anchor: date | None = None  # the index's newest publication date, when a relative word was resolved with it
    reported: bool = False  # the words follow a word about reporting ("announced ... in early 2024"): they date the
    # report, never what is asked

    @property
    def widens(self) -> bool:
        """Return True when the words are a window the search may leave: a month or part of a year, not after a word
        about reporting, not relative ("last week"), not "latest"."""
        return self.anchor is None and not self.latest and not self.reported and bool(self.since or self.until)

    def outside(self, hits: list[Hit]) -> bool:
        """Return True when a window the search may leave (widens) was left: a hit lies outside it, because the
        retriever found nothing in the window as relevant as passages elsewhere and searched every date (then the
        time words date what is asked, and the answer reads them)."""
        return self.widens and any(h.published and ((self.since and h.published < self.since)
                                    or (self.until and h.published > self.until)) for h in hits)

    def note(self, outside: bool = False) -> str:
        """Return the sentence shown under the answer: which dates the time words were read as ('' if none)."""
        parts = []
        if self.since or self.until:
            window = (f"{self.since.isoformat()} to {self.until.isoformat()}" if self.since and self.until
                      else f"from {self.since.isoformat()}" if self.since else f"until {self.until.isoformat()}")
            if outside:
                return (f"Time words: articles published {window} held nothing as relevant as articles of other dates, "
                        f"so every date was searched and “{self.phrase}” read as when the thing asked happened.")
            parts.append(f"“{self.phrase}” read as {window}")
        if self.anchor:
            parts.append(f"relative to {self.anchor.isoformat()}, the newest article date in the index")
        if self.latest:
            parts.append("the most recent relevant articles first")
        return ("Time words: " + ", ".join(parts) + ".") if parts else ""


def read_time_words(question: str, newest: date | None) -> TimeWords | None:
    """Return what the question's time words mean (None when it has none). newest: the index's newest date."""
    words = TimeWords(query=question)
    found = []
    if match := _LATEST.search(question):
        words.latest = True
        found.append(match)
    for reader in (_relative, _month_year, _year):
        if match := reader(question, words, newest):
            found.append(match)
            break
    if not found:
        return None
    query = question
    for match in sorted(found, key=lambda m: -m.start()):
        kept = words.kept if "month" in match.re.groupindex and words.kept else ""
        query = query[:match.start()] + f" {kept} " + query[match.end():]
    words.query = re.sub(r"\s+([?.!,;:])", r"\1", " ".join(query.split())) or question
    return words


def _filters(question: str, match: re.Match) -> bool:
    """Return True when a time phrase is about publication: it follows a reporting word, or it ends a short question
    ("What happened in Sumy last week?"). At the end of a long, many-clause question it usually dates a fact
    ("... a title in an ICC event held in 2011?"), so it is left to retrieval."""
    if _REPORTING.search(question[:match.start()]):
        return True
    if _FROM.match(match.group(0)) or _AHEAD.search(question) or _DAY_BEFORE.search(question[:match.start()]) \
            or _STANDING.search(question[:match.start()]):
        return False  # "the bill from October 2023", "what will it cost in May 2025?", "on 1 April 2024": when a
        # thing takes effect or happens, which reports give before it
    return not question[match.end():].strip(" ?.!\"'”)") and len(question.split()) <= SHORT_QUESTION_WORDS


_FROM = re.compile(r"from\b", re.IGNORECASE)
# a question asking for a figure ("what was the inflation rate", "how many ..."), which is reported after its month
_FIGURE_ASKED = re.compile(r"\W*(?:(?:so|and)\W+)?(?:what(?:['’]s|\s+was|\s+is|\s+were|\s+are)|"
                           r"how\s+(?:many|much))\b", re.IGNORECASE)
# A search-box query: no question mark and no question word or auxiliary opening it ("st aldric's waits may 2025")
_SEARCH_BOX = re.compile(r"(?!.*\?\s*$)(?!\W*(?:who|what|when|where|which|why|how|did|does|do|is|are|was|were|has|"
                         r"have|had|can|could|will|would)\b)", re.IGNORECASE)
# "had received the vaccine by the end of January 2025", "as of May 2025": how things stood then, which a later report
# gives
_STANDING = re.compile(r"\b(?:by|as of|as at|until|till|before|since)\s*$", re.IGNORECASE)
_AHEAD = re.compile(r"\b(?:will|going to|due to|expected to|set to)\b", re.IGNORECASE)
_DAY_BEFORE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?$", re.IGNORECASE)


def _relative(question: str, words: TimeWords, newest: date | None) -> re.Match | None:
    match = next((m for m in _RELATIVE.finditer(question) if m.group("phrase")[0].islower() and _filters(question, m)),
                 None)  # "Business Today" is an outlet, not a day
    if not match or newest is None:
        return None
    phrase = " ".join(match.group("phrase").lower().split())
    kind = phrase.split()[-1]
    if phrase == "yesterday":
        since = until = newest - timedelta(days=1)
    elif phrase == "today":
        since = until = newest
    elif match.group("n"):
        since, until = newest - timedelta(days=int(match.group("n"))), newest
    elif phrase.startswith("this"):
        since = newest - timedelta(days=newest.weekday()) if kind == "week" else newest.replace(day=1)
        until = newest
    elif kind == "week":
        since, until = newest - timedelta(days=7), newest  # "last week" in a news question: the past seven days
    else:  # last / past / previous month: the calendar month before
        until = newest.replace(day=1) - timedelta(days=1)
        since = until.replace(day=1)
    words.phrase, words.since, words.until, words.anchor = phrase, since, until, newest
    return match


def _month_year(question: str, words: TimeWords, newest: date | None) -> re.Match | None:
    match = next((m for m in _MONTH_YEAR.finditer(question) if _filters(question, m)), None)
    if not match:
        return None
    year, month = int(match.group("year")), _MONTHS[match.group("month").lower()]
    first, last = 1, calendar.monthrange(year, month)[1]
    if part := match.group("part"):
        low, high = _MONTH_PARTS[" ".join(part.lower().split())]
        first, last = low, min(high, last)
    words.phrase = " ".join(match.group(0).split())
    words.since, words.until = date(year, month, first), date(year, month, last)
    words.reported = bool(_REPORTING.search(question[:match.start()]))
    if not words.reported and (_SEARCH_BOX.match(question) or _FIGURE_ASKED.match(
            question)):  # "waits over 12 hours may 2025", "what was Castrel's inflation rate in May 2024?": a month's
        # figures come out in the weeks after it (a question's "what happened in April 2025" keeps the month: the
        # answer's note says which dates were read)
        after = words.until + timedelta(days=1)
        words.until = after.replace(day=calendar.monthrange(after.year, after.month)[1])
        # the window now holds the report on the month before too: the answer reads which month a figure is of
        words.kept = match.group(0)[:match.end("month") - match.start()].rstrip(".,")
    return match


def _year(question: str, words: TimeWords, newest: date | None) -> re.Match | None:
    match = next((m for m in _YEAR.finditer(question) if m.group(0)[:1].isalpha() and _filters(question, m)), None)
    if not match:
        return None  # a bare year ("the 2023 budget") is a name, not a filter; "in 2023", "early 2024" are
    year = int(match.group("year"))
    low, high = _YEAR_PARTS[" ".join(match.group("part").lower().split())]
    words.phrase = " ".join(match.group(0).split())
    words.since, words.until = date(year, low, 1), date(year, high, calendar.monthrange(year, high)[1])
    words.reported = bool(_REPORTING.search(question[:match.start()]))
    return match


def narrow_dates(since: date | None, until: date | None, words: TimeWords) -> tuple[date | None, date | None]:
    """Return the date window that satisfies both the caller's filters and the question's time words."""
    if words.since and (since is None or words.since > since):
        since = words.since
    if words.until and (until is None or words.until < until):
        until = words.until
    return since, until


def newest_first(hits: list[Hit], k: int, relevant_share: float = 0.3) -> list[Hit]:
    """Return k hits, newest publication date first, among the relevant ones (score at least relevant_share of
    the best score, and always the best hit); the rest follow by relevance. Undated passages go after dated."""
    if not hits:
        return hits
    best = max(h.score for h in hits)
    cut = best * relevant_share if best > 0 else best
    relevant = [h for h in hits if h.score >= cut]
    others = [h for h in hits if h.score < cut]
    relevant.sort(key=lambda h: (h.published is not None, h.published or date.min), reverse=True)
    return (relevant + others)[:k]
