"""Clean news boilerplate out of article text: ads, read-also links, tweet residue, photo captions."""

from __future__ import annotations

import re
from datetime import date

# Whole lines that are boilerplate, not reporting.
_DROP_LINE = re.compile(
    r"""^\s*(?:
        advertis(?:e)?ment\s*                                   # "Advertisement" / "Advertisment"
      | (?:also\s+read|read\s+also|read\s+more|watch|also\s+watch|listen)\s*[|:].*
      | \(?\s*with\s+inputs?\s+from\s+[\w\s,]+\)?\s*           # "(With inputs from agencies)"
      | (?:story\s+continues\s+below|continue\s+reading)[\w\s.]*
      | skip\s+advert\w*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# An embedded tweet ends with its attribution: "— Name (@handle) April 15, 2025".
_TWEET_ATTRIBUTION = re.compile(r"[—–-]\s*[^—–\n]{1,120}\(@\w{1,30}\)\s+\w+\s+\d{1,2},\s+\d{4}\s*$")
_TWEET_LINK = re.compile(r"pic\.twitter\.com/\w+")
# Photo captions: a paragraph that ends with a credit such as "(Photo by NAME / AFP)".
_PHOTO_CREDIT = re.compile(
    r"\((?:photo|image|picture|file photo)s?(?:\s+by|:|\s+credit:?)\s[^)]{1,120}\)\s*$"
    r"|^(?:photo|image)\s*(?:credit)?\s*:\s.{0,200}$"
    r"|\b(?:getty images|reuters|afp|ap photo)\s*/\s*[^.]{0,80}$",
    re.IGNORECASE,
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_CLOCK = r"(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:[ap]\.?m\.?))?(?:\s*(?:[+-]\d{4}|[a-z]{1,5}))?)?"
_DATE_FORMS = "|".join([
    r"\d{4}-\d{2}-\d{2}(?:[t ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:z|[+-]\d{2}:?\d{2})?)?",  # ISO 8601
    _WEEKDAY + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}" + _CLOCK,  # December 22, 2023
    _WEEKDAY + r"\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+\d{4}" + _CLOCK,  # 22 Dec 2023 / RFC 822
    r"\d{1,2}[/.]\d{1,2}[/.]\d{4}",  # 22/12/2023
])
# A dateline: a date alone on its line, or after a word such as "date" / "Published:" with the text going on after.
_DATELINE = re.compile(rf"^\s*(?:(?P<word>date|dated|published|posted|updated|dateline)\s*:?\s+)?(?P<date>{_DATE_FORMS})"
                       r"(?P<rest>.*)$", re.IGNORECASE)
_HEADER_LINE = re.compile(r"^\s*(source|outlet|publisher|url|author|by)\s*:\s*(\S.*?)\s*$", re.IGNORECASE)
_HEADER_NAMES = {"outlet": "source", "publisher": "source", "by": "author"}
HEADER_LINES = 3  # datelines and source lines are looked for among the first three lines
_SPACES = re.compile(r"[ \t\u00a0\u200b]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def is_boilerplate(paragraph: str) -> bool:
    """Return True when a paragraph is an ad marker, a read-also link, tweet residue or a photo caption."""
    text = paragraph.strip()
    if not text:
        return True
    return bool(
        _DROP_LINE.match(text)
        or _TWEET_ATTRIBUTION.search(text)
        or _TWEET_LINK.search(text)
        or _PHOTO_CREDIT.search(text)
    )


def clean_text(text: str) -> str:
    """Return the article text without boilerplate paragraphs, with whitespace normalised."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paragraphs = []
    for line in text.split("\n"):
        line = _SPACES.sub(" ", line).strip()
        if line and not is_boilerplate(line):
            paragraphs.append(line)
    return _BLANK_LINES.sub("\n\n", "\n\n".join(paragraphs)).strip()


_LINE_END = re.compile(r"[.!?:;\"”’)\]]$")
_LIST_LINE = re.compile(r"(?:[-*•#]|\d{1,3}[.)])\s")
WRAP_WIDTH = 60  # a line this long that stops mid-sentence was wrapped, not ended


def unwrap(text: str) -> str:
    """Return a plain-text article with its hard-wrapped paragraphs joined: a line that stops mid-sentence goes on in
    the next one when that starts in lower case or with a figure ("... in the\nwomen's final", "6-4,\n3-6"), or when
    it is a full-width line. Headings, list lines and blank-line paragraph breaks are kept."""
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        previous = out[-1].strip() if out else ""
        current = line.strip()
        if previous and current and not _LINE_END.search(previous) and not _LIST_LINE.match(current) and (
                re.match(r"[a-z0-9]", current) or len(previous) >= WRAP_WIDTH):
            out[-1] = f"{out[-1].rstrip()} {current}"
        else:
            out.append(line)
    return "\n".join(out)


def parse_dateline(line: str) -> tuple[date | None, str]:
    """Return (date, rest of the line) when the line is a dateline, else (None, line).

    Forms: ISO (2023-12-22), "December 22, 2023", "22 Dec 2023", RFC 822 ("Fri, 22 Dec 2023 10:00:00 +0000"),
    22/12/2023 (day first unless the first number cannot be a day-of-month-and-month pair, as in 12/22/2023).
    A bare date must fill its line; after a word such as "date" the article may go on on the same line.
    """
    match = _DATELINE.match(line)
    if not match:
        return None, line
    rest = match.group("rest")
    if not match.group("word") and rest.strip(" \t|—–-"):
        return None, line  # a sentence that starts with a date is reporting, not a dateline
    found = _to_date(match.group("date"))
    return (found, rest.lstrip(" \t|—–-:")) if found else (None, line)


def _to_date(text: str) -> date | None:
    from dateutil import parser

    numeric = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", text)
    try:
        if numeric:
            first, second, year = map(int, numeric.groups())
            day, month = (second, first) if second > 12 else (first, second)
            return date(year, month, day)
        if re.match(r"\d{4}-\d{2}-\d{2}", text):
            return date.fromisoformat(text[:10])  # the date as written, whatever the time zone
        return parser.parse(text.rstrip("."), fuzzy=False).date()
    except (ValueError, OverflowError):
        return None


def split_header(text: str) -> tuple[dict[str, str], date | None, str]:
    """Return (fields, date, text without them): a dateline and `source:` / `url:` / `author:` lines among the
    first three non-empty lines are metadata, not article text. The title line stays in the text."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    fields: dict[str, str] = {}
    published = None
    seen = 0
    for number, line in enumerate(lines):
        if seen >= HEADER_LINES:
            break
        if not line.strip():
            continue
        seen += 1
        if published is None:
            found, rest = parse_dateline(line)
            if found:
                published, lines[number] = found, rest
                continue
        if header := _HEADER_LINE.match(line):
            name = header.group(1).lower()
            fields.setdefault(_HEADER_NAMES.get(name, name), header.group(2))
            lines[number] = ""
    return fields, published, "\n".join(lines)


def split_dateline(text: str) -> tuple[date | None, str]:
    """Return (date, rest) when one of the first three lines is a dateline, else (None, text)."""
    _, published, rest = split_header(text)
    return (published, rest) if published else (None, text)
