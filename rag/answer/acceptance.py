"""Whether to give a factoid answer at all: a small learned check on the chosen answer, after the span is picked.

The answerability model (answerability.py) scores sentences; the span picker (spans.py) takes the thing asked for
from the best of them. Neither looks at the answer as a whole: how much of what the question asks the cited sentence,
its article and all retrieved passages say, how far the span sits from the words it should be about, whether the
sentence only plans or forecasts what the question asks as done. Near-miss questions ("how many patients did the
centre see in its first month?" over "it can see up to 180 patients a day") pass every sentence-level check and show
only there. A logistic model over these FEATURES, fitted on hand-written snippet sets (python -m
rag.bench.train_accept; sets listed in the model file) and judged on other sets it never saw, gives the probability
that the answer is right; below its threshold the answer becomes a refusal.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..retrieval.analysis import QuestionAnalysis
from ..text import normalise
from .answerability import FIGURE, MODELS, MONEY, content_stems

FEATURES = ("support", "second", "coverage_sentence", "coverage_near", "coverage_article", "missing_article",
            "missing_retrieved", "missing_near", "elsewhere", "years_near", "names_sentence", "names_article",
            "distance", "similarity", "window_similarity", "window_coverage", "hedged", "asks_future",
            "hedged_for_done", "no_short", "values_in_sentence", "kind_count", "kind_date", "kind_entity", "keyword",
            "rank")
# Words of a question that say what kind of thing is asked, not what it is about
_ASKING = content_stems("how much many what which who whom whose where when name named called number total amount "
                        "figure sum date day year time place person people firm company tell know")
# A sentence that plans, forecasts or hedges what it reports: not yet done
_HEDGE = re.compile(r"\b(?:will|would|could|may|might|plans?|planned|planning|expects?|expected|proposed|proposes|"
                    r"propos\w+|set to|due to|aims?|hopes?|intends?|forecasts?|predicted|estimated?|up to|pledged|"
                    r"target\w*|potential(?:ly)?|scheduled|likely|if)\b", re.I)
_FUTURE_ASKED = re.compile(r"\b(?:will|would|going to|plans?|planned|expected|due|set to|forecast\w*|predict\w*)\b",
                           re.I)
_NAME = re.compile(r"[A-Z][\w'’&-]+(?:\s+(?:of |de |van |&\s)?[A-Z][\w'’&-]+)*")
_WORD = re.compile(r"[\w'’-]+")


@dataclass
class Chosen:
    """The answer as chosen: its span (None when no span was found), the cited sentence and what surrounds it."""

    short: str | None
    sentence: str
    context: str
    article: str
    support: float        # the cited sentence's answerability probability over the model's threshold
    second: float         # the next sentence's, over the cited one's
    retrieved: str        # every retrieved passage with its title
    rank: int
    similarity: float = 0.0         # MiniLM cosine of the question and the cited sentence
    window_similarity: float = 0.0  # ... and of the question and the words around the span (span_window)


def span_window(short: str | None, sentence: str, width: int = 6) -> str:
    """Return the span with `width` words either side in the sentence (the whole sentence when it is not there): what
    the span is said to be ("up to 180 patients a day")."""
    at = sentence.lower().find(short.lower()) if short else -1
    if at < 0:
        return sentence
    before, after = sentence[:at].split()[-width:], sentence[at + len(short):].split()[:width]
    return " ".join(before + [sentence[at:at + len(short)]] + after)


def _share(terms: list[str], text: str) -> float:
    text = normalise(text)
    return sum(normalise(t) in text for t in terms) / len(terms) if terms else 1.0


def _distance(short: str | None, sentence: str, asked: set[str]) -> float:
    """Return how many words apart the span and the nearest word of the question are in the sentence, over 20
    (1 when the span is not in the sentence or no question word is)."""
    if not short or short.lower() not in sentence.lower():
        return 1.0
    words = [(m.start(), content_stems(m.group(0))) for m in _WORD.finditer(sentence)]
    at = sentence.lower().index(short.lower())
    span_index = next((i for i, (start, _) in enumerate(words) if start >= at), len(words) - 1)
    span_end = span_index + len(_WORD.findall(short))
    gaps = [min(abs(i - span_index), abs(i - span_end + 1)) for i, (_, stems) in enumerate(words)
            if stems & asked and not span_index <= i < span_end]
    return min(min(gaps, default=20), 20) / 20


def features(analysis: QuestionAnalysis, chosen: Chosen) -> np.ndarray:
    """Return the FEATURES row of one chosen answer."""
    asked = content_stems(analysis.question) - _ASKING
    n = len(asked) or 1
    own = content_stems(chosen.sentence)
    near = content_stems(f"{chosen.sentence} {chosen.context}")
    article = content_stems(f"{chosen.context} {chosen.article}")
    others = content_stems(chosen.retrieved) - article  # said only by passages of other articles
    retrieved = content_stems(chosen.retrieved) | article
    hedged, future = bool(_HEDGE.search(chosen.sentence)), bool(_FUTURE_ASKED.search(analysis.question))
    kind = analysis.kind
    values = (MONEY.findall(chosen.sentence) if kind == "money" else FIGURE.findall(chosen.sentence)
              if kind in ("number", "date") else _NAME.findall(chosen.sentence[1:]))
    return np.array([
        min(chosen.support, 3.0),
        chosen.second,
        len(asked & own) / n,
        len(asked & near) / n,
        len(asked & article) / n,
        min(len(asked - article), 4) / 4,
        min(len(asked - retrieved), 4) / 4,
        min(len(asked - near), 4) / 4,
        min(len((asked - near) & others), 3) / 3,
        _share(analysis.years, f"{chosen.sentence} {chosen.context}"),
        _share(analysis.names, chosen.sentence),
        _share(analysis.names, f"{chosen.context} {chosen.article}"),
        _distance(chosen.short, chosen.sentence, asked),
        chosen.similarity,
        chosen.window_similarity,
        len(asked & content_stems(span_window(chosen.short, chosen.sentence))) / n,
        float(hedged),
        float(future),
        float(hedged and not future),
        float(chosen.short is None),
        min(len(values), 5) / 5,
        float(kind in ("number", "money")),
        float(kind == "date"),
        float(kind in ("person", "organisation", "place")),
        float(analysis.is_keyword),
        1.0 / (1 + chosen.rank),
    ], dtype=np.float64)


class AcceptModel:
    """A logistic model over FEATURES with its threshold, read from JSON."""

    def __init__(self, spec: dict):
        if tuple(spec["features"]) != FEATURES:
            raise ValueError(f"acceptance model expects {spec['features']}, the code computes {FEATURES}; "
                             "retrain it with `python -m rag.bench.train_accept`")
        self.mean = np.asarray(spec["mean"], dtype=np.float64)
        self.scale = np.asarray(spec["scale"], dtype=np.float64)
        self.weights = np.asarray(spec["weights"], dtype=np.float64)
        self.bias = float(spec["bias"])
        self.threshold = float(spec["threshold"])

    def probability(self, row: np.ndarray) -> float:
        """Return the probability that the chosen answer is right."""
        z = float(((row - self.mean) / self.scale) @ self.weights + self.bias)
        return 1.0 / (1.0 + np.exp(-z))


def model_path() -> Path:
    """Return where the shipped acceptance model lives."""
    return MODELS / "acceptance.json"


def load_accept_model(path: Path | None = None) -> AcceptModel | None:
    """Return the shipped acceptance model, or None when there is none (every answer is then given)."""
    path = path or model_path()
    return AcceptModel(json.loads(path.read_text())) if path.exists() else None
