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
_DATELINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*", re.IGNORECASE)
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


def split_dateline(text: str) -> tuple[date | None, str]:
    """Return (date, rest) when text starts with a `date YYYY-MM-DD` dateline, else (None, text)."""
    match = _DATELINE.match(text)
    if not match:
        return None, text
    try:
        return date.fromisoformat(match.group(1)), text[match.end():]
    except ValueError:
        return None, text
