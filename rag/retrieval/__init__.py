"""Question analysis, rank fusion, the hybrid retriever and the learned reranker."""
