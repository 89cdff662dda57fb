"""The reranker's tree model: a gradient-boosted ensemble read from JSON and scored with numpy only."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from .features import FEATURES, LEXICAL_FEATURES

MODELS = Path(__file__).parent / "models"


class TreeModel:
    """A gradient-boosted tree ensemble read from JSON (exported from scikit-learn); scores with numpy only."""

    def __init__(self, spec: dict):
        if tuple(spec["features"]) not in (FEATURES, LEXICAL_FEATURES):
            raise ValueError(f"reranker model expects features {spec['features']}, code computes {FEATURES}")
        self.features = tuple(spec["features"])
        self.baseline = float(spec["baseline"])
        # scikit-learn's own trees compare float32 inputs with their thresholds: do the same, to match exactly
        self.float32_inputs = bool(spec.get("float32_inputs", False))
        # All trees in flat arrays; a leaf points to itself, so walking a fixed number of steps is harmless
        sizes = [len(tree["leaf"]) for tree in spec["trees"]]
        self.roots = np.cumsum([0] + sizes[:-1]).astype(np.int64)
        flat = {key: np.concatenate([np.asarray(tree[key]) for tree in spec["trees"]]) if sizes else np.zeros(0)
                for key in ("feature", "threshold", "left", "right", "leaf", "value")}
        leaf = flat["leaf"].astype(bool)
        own = np.arange(len(leaf))
        offset = np.repeat(self.roots, sizes)
        self.feature = np.where(leaf, 0, flat["feature"]).astype(np.int64)
        self.threshold = np.where(leaf, np.inf, flat["threshold"]).astype(np.float64)
        self.left = np.where(leaf, own, flat["left"] + offset).astype(np.int64)
        self.right = np.where(leaf, own, flat["right"] + offset).astype(np.int64)
        self.value = np.where(leaf, flat["value"], 0.0).astype(np.float64)

    def score(self, matrix: np.ndarray) -> np.ndarray:
        """Return the raw score (log-odds of holding evidence) of each row: all trees walked together."""
        if self.float32_inputs:
            matrix = matrix.astype(np.float32).astype(np.float64)
        node = np.broadcast_to(self.roots, (len(matrix), len(self.roots))).copy()  # rows x trees
        rows = np.arange(len(matrix))[:, None]
        while len(node):
            step = np.where(matrix[rows, self.feature[node]] <= self.threshold[node], self.left[node], self.right[node])
            if np.array_equal(step, node):
                break
            node = step
        return self.baseline + self.value[node].sum(axis=1)

    def probability(self, matrix: np.ndarray) -> np.ndarray:
        """Return each row's estimated probability of holding evidence for the question."""
        return 1.0 / (1.0 + np.exp(-self.score(matrix)))


def model_path(dense: bool) -> Path:
    """Return where the shipped model for the full (dense) or the lexical feature set lives."""
    return MODELS / ("reranker.json" if dense else "reranker-lexical.json")


def load_model(dense: bool = True) -> TreeModel:
    """Return the shipped reranker for the full feature set, or the lexical-only one (callers keep it)."""
    return TreeModel(json.loads(model_path(dense).read_text()))
