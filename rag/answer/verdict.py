"""Yes / no for verification and comparison questions, from how well each part of the question is supported."""

from __future__ import annotations

from ..retrieval.analysis import QuestionAnalysis
from .support import _NEGATIONS, _content, _negated, _words

VERDICTS = ("Yes", "No")


def part_support(analysis: QuestionAnalysis, ranked: list) -> list[float]:
    """Return, per outlet the question names (or for the whole question when it names none), the best answer
    probability among sentences from that outlet."""
    parts = [sub.sources for sub in analysis.plan.subqueries] if analysis.plan and analysis.plan.subqueries else [None]
    best = []
    for sources in parts:
        scores = [c.probability for c in ranked if sources is None or c.hit.source in sources]  # ungated
        best.append(max(scores, default=0.0))
    return best


def denies(question: str, sentence: str) -> bool:
    """Return True when the sentence negates something the question asserts ("close the site?" / "no plans to
    close"), by the support checker's negation reading."""
    asked = set(_content(_words(question))) - _negated(question)
    words = _words(sentence.replace("n't", " not"))
    for i, word in enumerate(words):
        if word in _NEGATIONS and set(_content(words[i + 1:i + 5])) & asked:
            return True
    return False


def decide_yes_no(analysis: QuestionAnalysis, ranked: list, threshold: float) -> str:
    """Return "Yes" when every part of the question finds a sentence that supports it and the best one does not
    deny what the question asks, else "No"."""
    if min(part_support(analysis, ranked)) < threshold:
        return "No"
    best = max(ranked, key=lambda c: c.probability)
    return "No" if denies(analysis.question, best.text) else "Yes"
