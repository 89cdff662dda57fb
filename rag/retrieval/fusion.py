"""Rank fusion: weighted reciprocal rank fusion of several rankings of the same items."""

from __future__ import annotations

from collections.abc import Sequence


def fuse_rankings(rankings: Sequence[tuple[Sequence[str], float]], k: int = 60) -> list[tuple[str, float]]:
    """Return ids ordered by weighted RRF: sum over rankings of weight / (k + rank), rank starting at 1."""
    scores: dict[str, float] = {}
    for ids, weight in rankings:
        for rank, item in enumerate(ids, 1):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
    return sorted(scores.items(), key=lambda pair: (-pair[1], pair[0]))
