"""Shared helpers for the answer layer's unit tests."""

from datetime import date

import pytest

from rag.answer.extractive import hit_sentences
from rag.types import Hit


@pytest.fixture
def scored_sentences():
    """Return a maker of a passage's candidate sentences, each given an answer probability and passing the checks."""

    def make(body: str, probabilities: list[float], published: date = date(2024, 4, 2), article_id: str = "a1"):
        hit = Hit(text=body, score=1.0, article_id=article_id, title="Local news", source="Wire", published=published,
                  url="", start=0, end=len(body))
        found = hit_sentences(hit)
        for c, p in zip(found, probabilities):
            c.probability, c.passed = p, True
        return found

    return make
