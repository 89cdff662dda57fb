"""What a keyword query the rules read as open asks for, learned from the development sets' labelled questions.

The rules (retrieval/analysis.question_kind, and the last noun of a keyword query) read the kind of thing asked for
from asking words and known nouns; a query they cannot place is "open" and gets no direct answer: "castwell pellerin
combined workforce" (a number), "bramble spaniel found by" (a person), "... penalty after tribunal" (a sum). A
multinomial logistic model over the question's words (tf-idf of words and word pairs) and its sentence vector, fitted
on the labelled questions of the development snippet sets (python -m rag.bench.train_kinds), names the kind such a
query asks for when it is sure of it (CONFIDENT). It never overrules a kind the rules give, and the answer layer asks
it only about keyword queries: full questions the rules cannot place ("how do the articles describe ...?", "why did
...?") it reads as counts, since most full questions in its data that start so ask how many (docs/BENCHMARKS.md).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from pathlib import Path

import numpy as np

from ..index.embed import encode_sentences

MODEL_PATH = Path(__file__).parent / "models" / "kinds.json"
CONFIDENT = 0.6  # the least probability of a kind for it to replace "open" (of 0.5-0.8 tried; BENCHMARKS)
OTHER = "other"  # the model's class for questions asking for no span (why, what did X say, yes or no)
_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token pattern, lower-cased


def terms(question: str) -> Counter:
    """Return the counts of the question's words and adjacent word pairs (as TfidfVectorizer(ngram_range=(1, 2)))."""
    words = _TOKEN.findall(question.lower())
    return Counter(words + [f"{a} {b}" for a, b in zip(words, words[1:])])


class KindModel:
    """The fitted model, read from its JSON spec: vocabulary, idf, classes, weights (terms, then vector dims)."""

    def __init__(self, spec: dict):
        self.vocabulary = {term: i for i, term in enumerate(spec["vocabulary"])}
        self.idf = np.asarray(spec["idf"], dtype=np.float64)
        self.classes = list(spec["classes"])
        self.weights = np.asarray(spec["weights"], dtype=np.float64)  # (classes, terms + dims)
        self.bias = np.asarray(spec["bias"], dtype=np.float64)
        self.encoder = spec["encoder"]  # the embedder whose sentence vectors it was fitted on
        if self.weights.shape != (len(self.classes), len(self.idf) + spec["dims"]):
            raise ValueError(f"{MODEL_PATH} is inconsistent: rebuild it with python -m rag.bench.train_kinds")

    def probabilities(self, question: str, vector: np.ndarray) -> dict[str, float]:
        """Return each kind's probability for the question (its sentence vector given)."""
        row = np.zeros(len(self.idf))
        for term, count in terms(question).items():
            if (i := self.vocabulary.get(term)) is not None:
                row[i] = (1 + math.log(count)) * self.idf[i]  # sublinear tf, then l2 norm
        if norm := np.linalg.norm(row):
            row /= norm
        logits = self.weights @ np.concatenate([row, np.asarray(vector, dtype=np.float64)]) + self.bias
        p = np.exp(logits - logits.max())
        return dict(zip(self.classes, (p / p.sum()).tolist()))


_MODEL: list = []


def kind_model() -> KindModel | None:
    """Return the shipped model (read once), or None when there is none."""
    if not _MODEL:
        _MODEL.append(KindModel(json.loads(MODEL_PATH.read_text())) if MODEL_PATH.exists() else None)
    return _MODEL[0]


def learned_kind(question: str, embedder) -> str | None:
    """Return the kind of thing the question asks for when the model is sure of one (a span kind), else None (also
    when the embedder is not the one the model was fitted with, whose vectors would mean nothing to it, and when the
    question has no word the model has read)."""
    model = kind_model()
    if model is None or getattr(embedder, "name", None) != model.encoder:
        return None
    if not any(term in model.vocabulary for term in terms(question)):
        return None  # no word it has read ("?!?... ,;:"): its vector alone says nothing of what is asked
    p = model.probabilities(question, encode_sentences(embedder, [question])[0])
    kind = max(p, key=p.get)
    return kind if kind != OTHER and p[kind] >= CONFIDENT else None
