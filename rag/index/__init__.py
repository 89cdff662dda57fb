"""All storage: the SQLite docstore, Chroma vectors, BM25, the embedder, and `rag check`."""
