"""The `rag` command. It may import anything; nothing imports it."""

from .main import main

__all__ = ["main"]
