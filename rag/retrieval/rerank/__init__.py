"""Learned reranking: features of (question, candidate) pairs and the tree models that score them."""

from .features import (DENSE_FEATURES, FEATURES, LEXICAL_FEATURES, PoolContext, candidate_rows, dense_features,
                       features, question_parts)
from .trees import MODELS, TreeModel, load_model, model_path

__all__ = ["DENSE_FEATURES", "FEATURES", "LEXICAL_FEATURES", "MODELS", "PoolContext", "TreeModel", "candidate_rows",
           "dense_features", "features", "load_model", "model_path", "question_parts"]
