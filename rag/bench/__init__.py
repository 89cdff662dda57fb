"""Benchmarks (`rag bench ...`) and reranker training: speed, load, scale, MultiHop-RAG. Top of the import graph."""
