"""Adapters that let other frameworks use newsrag (llama-index)."""
