"""Yes / no for verification and comparison questions, from how well each part of the question is supported."""

from __future__ import annotations

from ..retrieval.analysis import QuestionAnalysis
from .support import _NEGATIONS, _content, _negated, _words

VERDICTS = ("Yes", "No")


def denies(question: str, sentence: str) -> bool:
    """Return True when the sentence negates something the question asserts ("close the site?" / "no plans to
    close"), by the support checker's negation reading."""
    asked = set(_content(_words(question))) - _negated(question)
    words = _words(sentence.replace("n't", " not"))
    for i, word in enumerate(words):
        if word in _NEGATIONS and set(_content(words[i + 1:i + 5])) & asked:
            return True
    return False


def decide_yes_no(analysis: QuestionAnalysis, ranked: list, supports: list[float], threshold: float) -> str:
    """Return "Yes" when every part of the question finds a sentence that supports it (supports: each outlet-naming
    part's best answer probability; none for a question naming no outlet) and the best sentence does not deny what
    the question asks, else "No"."""
    if min(supports, default=max((c.probability for c in ranked), default=0.0)) < threshold:
        return "No"
    best = max(ranked, key=lambda c: c.probability)
    return "No" if denies(analysis.question, best.text) else "Yes"
