"""Summary statistics shared by the benchmarks and the eval report."""

from __future__ import annotations


def percentile(values: list[float], q: float) -> float:
    """Return the q-th percentile (0-100) by linear interpolation (nan when there are no values)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)
