"""News-aware query understanding: the outlets, dates and temporal order a question names, and its sub-queries.

MultiHop-RAG style questions say "Did the TechCrunch article published on October 7, 2023 ... while The Verge
...". We match outlet names against the sources the index knows, read dates and before/after words, and cut the
question into one sub-query per named outlet so each article of a comparison gets its own retrieval.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

_MONTH_NAMES = [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
                ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
                ("november", "nov"), ("december", "dec")]
MONTHS = {name: number for number, names in enumerate(_MONTH_NAMES, 1) for name in names}
MONTH_PATTERN = "|".join(sorted(MONTHS, key=len, reverse=True))  # longest first: "september" before "sep"
# Month and weekday names in full: capitalised in a question, yet never a name or an outlet
CALENDAR_WORDS = {names[0] for names in _MONTH_NAMES} | {"monday", "tuesday", "wednesday", "thursday", "friday",
                                                         "saturday", "sunday"}
_DATE = re.compile(rf"\b(?P<month>{MONTH_PATTERN})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b"
                   rf"|\b(?P<iso>(?:19|20)\d\d-\d\d-\d\d)\b", re.IGNORECASE)
_BEFORE = re.compile(r"\b(before|prior to|earlier than|until|by)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_AFTER = re.compile(r"\b(after|following|since|later than|from)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_SPLIT = re.compile(r"\s*(?:\||\s-\s|:)\s*")


@dataclass
class DateMention:
    """A date named in a question: `relation` is "on", "before" or "after"; `source` the outlet it refers to."""

    day: date
    relation: str
    start: int
    source: str | None = None


@dataclass
class SubQuery:
    """A piece of the question to retrieve for on its own, restricted to one outlet and optionally a date range."""

    text: str
    sources: list[str]
    since: date | None = None
    until: date | None = None

    def admits(self, source: str, published: date | None) -> bool:
        """Whether an article from `source` published on `published` can be the one this part names: the outlet,
        and the date window when the part names a date (an article of unknown date is not ruled out by it)."""
        if source not in self.sources:
            return False
        if published is None:
            return True
        return (self.since is None or published >= self.since) and (self.until is None or published <= self.until)


@dataclass
class QueryPlan:
    """What a question names: outlets (as the index spells them), dates, and per-outlet sub-queries."""

    question: str
    sources: list[str] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    subqueries: list[SubQuery] = field(default_factory=list)
    unknown_outlets: list[str] = field(default_factory=list)  # "a Bloomberg report" when no source is Bloomberg


def source_aliases(source: str) -> list[str]:
    """Return the names a question may use for a source: 'Cnbc | World Business News Leader' -> ['Cnbc | ...', 'Cnbc']."""
    names = [source]
    head = _SPLIT.split(source, maxsplit=1)[0].strip()
    if head and head != source:
        names.append(head)
    words = head.split()
    if len(words) >= 3 and words[0].lower() == "the":
        names.append(" ".join(words[1:]))  # "New York Times" for "The New York Times"
    if len(words) >= 2 and words[0].isupper() and len(words[0]) >= 3:
        names.append(words[0])  # "BBC" for "BBC News - Technology"
    return [n for n in names if len(n) >= 3]


@lru_cache(maxsize=8)
def _alias_patterns(sources: tuple[str, ...]) -> list[tuple[re.Pattern, str, bool]]:
    """Return (pattern, source, is_full_name) for every alias, longest alias first."""
    entries = [(alias, source, alias == source) for source in sources for alias in source_aliases(source)]
    entries.sort(key=lambda e: -len(e[0]))
    return [(re.compile(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", re.IGNORECASE), source, full)
            for alias, source, full in entries]


def find_sources(question: str, known: tuple[str, ...]) -> list[tuple[int, int, list[str]]]:
    """Return (start, end, sources) for each outlet named in the question, in order of appearance.

    A short name ("The Independent") that several sources share maps to all of them, unless a full name of one
    of them is also in the question. A match must start with a capital letter: 'fortune' is not Fortune.
    """
    taken: list[tuple[int, int, list[str]]] = []
    full_named = set()
    by_alias: dict[tuple[int, int], list[str]] = {}
    for pattern, source, full in _alias_patterns(tuple(sorted(known))):
        for match in pattern.finditer(question):
            if not match.group(0)[0].isupper():
                continue
            span = match.span()
            if any(s < span[1] and span[0] < e and (s, e) != span for s, e, _ in taken):
                continue  # inside a longer name already matched
            if full:
                full_named.add(source)
            if span not in by_alias:
                by_alias[span] = []
                taken.append((span[0], span[1], by_alias[span]))
            by_alias[span].append(source)
    result = []
    for start, end, sources in sorted(taken):
        named = [s for s in sources if s in full_named] or sources
        result.append((start, end, sorted(set(named))))
    return result


def find_dates(question: str) -> list[DateMention]:
    """Return the dates named in the question with the relation the words before them give (before / after / on)."""
    mentions = []
    for match in _DATE.finditer(question):
        try:
            if match.group("iso"):
                day = date.fromisoformat(match.group("iso"))
            else:
                day = date(int(match.group("year")), MONTHS[match.group("month").lower()], int(match.group("day")))
        except ValueError:
            continue
        before_text = question[max(0, match.start() - 40):match.start()]
        relation = "before" if _BEFORE.search(before_text) else "after" if _AFTER.search(before_text) else "on"
        mentions.append(DateMention(day, relation, match.start()))
    return mentions


def plan_query(question: str, known_sources: list[str] | tuple[str, ...], date_slack: int = 1) -> QueryPlan:
    """Return the outlets, dates and per-outlet sub-queries of a question.

    Each named outlet gets the stretch of question from its name to the next outlet's name as a sub-query
    (with the question's opening words, which usually carry the shared topic). A date belongs to the nearest
    outlet named before it; "on" dates become a +-date_slack day window, before/after dates an open range.
    """
    plan = QueryPlan(question)
    spans = find_sources(question, tuple(known_sources))
    plan.dates = find_dates(question)
    for mention in plan.dates:
        owner = [s for s in spans if s[0] < mention.start]
        mention.source = owner[-1][2][0] if owner and len(owner[-1][2]) == 1 else None
    seen: list[str] = []
    for number, (start, end, sources) in enumerate(spans):
        for source in sources:
            if source not in seen:
                seen.append(source)
        stop = spans[number + 1][0] if number + 1 < len(spans) else len(question)
        segment = question[:stop] if number == 0 else question[start:stop]
        dates = [d for d in plan.dates if start < d.start < stop]
        since, until = _date_window(dates, date_slack)
        plan.subqueries.append(SubQuery(segment.strip(), sources, since, until))
    plan.sources = seen
    plan.unknown_outlets = find_unknown_outlets(question, spans)
    return plan


# "a Bloomberg report", "the Wall Street Journal article": a name in the place of an outlet
_OUTLET_PHRASE = re.compile(r"\b(?:an?|the)\s+((?:[A-Z][\w&.'’-]*\s+){1,4}?)(?:news\s+)?(?:article|report|story|piece|"
                            r"column|editorial|op-ed|investigation|coverage|interview|podcast|newsletter)s?\b")
# "an article in The Times of India", "another from The Hindu": an outlet written as "The ..." after a piece of it
_OUTLET_AFTER = re.compile(r"\b(?:article|report|story|piece|column|editorial|op-ed|coverage|another(?: one)?)s?\s+"
                           r"(?:published\s+|that appeared\s+|which appeared\s+)?(?:in|from|by)\s+"
                           r"(The\s+[A-Z][\w&.'’-]*(?:\s+(?:of\s+)?[A-Z][\w&.'’-]*){0,3})")
_NOT_OUTLETS = CALENDAR_WORDS | {"latest", "earlier", "later", "recent", "same", "other", "first", "second",
                                  "original", "new", "news"}


def find_unknown_outlets(question: str, known_spans: list[tuple[int, int, list[str]]]) -> list[str]:
    """Return the names a question uses as outlets ("according to a Bloomberg article") that are none of the index's
    sources (known_spans: where find_sources matched one). A name inside quotation marks is a title, not an
    outlet."""
    found = []
    for match in [*_OUTLET_PHRASE.finditer(question), *_OUTLET_AFTER.finditer(question)]:
        name = match.group(1).strip()
        start = match.start(1)
        if any(s < start + len(name) and start < e for s, e, _ in known_spans):
            continue
        if name.lower() in _NOT_OUTLETS or name[-1] in "'’\"”" or question[:start].count('"') % 2:
            continue
        found.append(name)
    return list(dict.fromkeys(found))


def _date_window(dates: list[DateMention], slack: int) -> tuple[date | None, date | None]:
    """Return (since, until) for the dates of one outlet mention (None, None when no date is named).

    "on" dates give +-slack days around them (several: from the first to the last), "after" / "before" dates the
    bounds. Bounds that exclude each other ("the article published on October 1 ... and the one from November 5")
    name several articles: the window then spans every date named."""
    on = [m.day for m in dates if m.relation == "on"]
    since = min(on) - timedelta(days=slack) if on else None
    until = max(on) + timedelta(days=slack) if on else None
    after = [m.day for m in dates if m.relation == "after"]
    before = [m.day for m in dates if m.relation == "before"]
    if after:  # "after X and after Y" names two articles: the earlier bound holds for both
        since = max(since, min(after)) if since else min(after)
    if before:
        until = min(until, max(before)) if until else max(before)
    if since and until and since > until:
        days = [m.day for m in dates]
        since, until = min(days) - timedelta(days=slack), max(days) + timedelta(days=slack)
    return since, until
