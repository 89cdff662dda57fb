"""Citation checks: a citation is shown only when its passage really contains what the sentence says."""

from __future__ import annotations

import re

from .types import Citation

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_WS = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Return text lower-cased with whitespace collapsed and typographic quotes made plain."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return _WS.sub(" ", text).strip().lower()


def numbers_agree(sentence: str, passage: str) -> bool:
    """Return True when every number in the sentence also appears in the passage."""
    found = set(_NUMBER.findall(passage))
    return all(n in found for n in _NUMBER.findall(sentence))


def quote_supports(sentence: str, citation: Citation, article_body: str | None = None) -> bool:
    """Return True when the citation's quote lies in its passage (and article span) and contains the sentence."""
    quote = normalise(citation.quote)
    if not quote or quote not in normalise(citation.passage or citation.quote):
        return False
    if article_body is not None and normalise(article_body[citation.start:citation.end]) != quote:
        return False
    claim = normalise(re.sub(r"\s*\[\d+\]", "", sentence))
    return claim in quote and numbers_agree(claim, quote)


def verify_citations(claims: list[tuple[str, list[Citation]]], bodies: dict[str, str] | None = None
                     ) -> list[tuple[str, list[Citation]]]:
    """Return the claims with only the citations that support them; claims left with none are dropped."""
    bodies = bodies or {}
    kept = []
    for sentence, citations in claims:
        good = [c for c in citations if quote_supports(sentence, c, bodies.get(c.article_id))]
        if good:
            kept.append((sentence, good))
    return kept
