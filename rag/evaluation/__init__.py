"""The eval harness behind `pytest evals/` and `rag eval`, and MultiHop-RAG's data and official metric."""
