"""What a question asks for, learnt from labelled questions: the rules' fallback when they find no asking word.

The rules of `question_kind` read asking words ("how many", "who", "fee", "venue"); a search-box query or a question
worded another way often has none ("harbour lights peak audience", "castwell pellerin combined workforce", "bramble
spaniel found by"), and the rules call it "open", which no span answers. A multinomial logistic model over the
question's words and word pairs (tf-idf over terms of two or more questions, plus its first and last word), fitted on the development snippet sets' question
types (`python -m rag.bench.train_kinds`), gives the kind instead when it is sure enough. The vectoriser is
scikit-learn's `TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)`, rebuilt here so that reading needs NumPy only.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

import numpy as np

KINDS_MODEL_PATH = Path(__file__).parent / "models" / "question_kinds.json"
# The model's kind replaces the rules' "open" when its probability is at least this
LEARNED_KIND_FLOOR = 0.3
_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token pattern


def model_text(question: str) -> str:
    """Return the text the model reads: the question's words, its first and last word marked, and a question mark."""
    words = re.findall(r"[a-z0-9]+", question.lower())
    marks = f" LAST_{words[-1]} FIRST_{words[0]}" if words else ""
    return " ".join(words) + marks + (" QMARK" if question.strip().endswith("?") else "")


def terms(text: str) -> list[str]:
    """Return the unigrams and bigrams the vectoriser counts."""
    tokens = _TOKEN.findall(text.lower())
    return tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:])]


@lru_cache(maxsize=1)
def _model() -> dict | None:
    if not KINDS_MODEL_PATH.exists():
        return None
    spec = json.loads(KINDS_MODEL_PATH.read_text())
    spec["coef"] = np.asarray(spec["coef"], dtype=np.float64)
    spec["intercept"] = np.asarray(spec["intercept"], dtype=np.float64)
    return spec


@lru_cache(maxsize=1024)
def learned_kind(question: str) -> tuple[str, float]:
    """Return the kind the shipped model gives the question and its probability; ("open", 0.0) when there is none."""
    spec = _model()
    return kind_of(spec, question) if spec is not None else ("open", 0.0)


def kind_of(spec: dict, question: str) -> tuple[str, float]:
    """Return the kind a model spec gives the question and its probability."""
    counts: dict[int, int] = {}
    for term in terms(model_text(question)):
        if (column := spec["vocabulary"].get(term)) is not None:
            counts[column] = counts.get(column, 0) + 1
    coef = np.asarray(spec["coef"], dtype=np.float64)
    vector = np.zeros(coef.shape[1])
    for column, count in counts.items():
        vector[column] = (1 + math.log(count)) * spec["idf"][column]
    if (norm := np.linalg.norm(vector)) > 0:
        vector /= norm
    logits = coef @ vector + np.asarray(spec["intercept"], dtype=np.float64)
    probabilities = np.exp(logits - logits.max())
    probabilities /= probabilities.sum()
    best = int(np.argmax(probabilities))
    return spec["classes"][best], float(probabilities[best])
