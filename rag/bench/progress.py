"""Console progress for long work (ingest, benchmarks, evals): one tqdm bar per stage."""

from __future__ import annotations

import sys


def progress_bars(prefix: str = ""):
    """Return a Progress callback that draws one tqdm bar per stage (with rate and ETA)."""
    from tqdm import tqdm

    bars: dict[str, tqdm] = {}
    labels = {"read": "reading files", "chunk": "chunking articles", "keyword": "keyword index",
              "embed": "embedding chunks", "sentences": "encoding answer sentences"}
    units = {"read": " files", "chunk": " articles"}

    def update(stage: str, done: int, total: int) -> None:
        bar = bars.get(stage)
        if bar is None:
            bar = bars[stage] = tqdm(total=total, desc=prefix + labels.get(stage, stage), unit=units.get(stage, " chunks"),
                                     file=sys.stderr, dynamic_ncols=True)
        bar.update(done - bar.n)
        if done >= total:
            bar.close()

    return update
