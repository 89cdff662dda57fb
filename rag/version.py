"""The package version: pyproject.toml reads it, `rag --version` prints it, `rag.__version__` re-exports it."""

__version__ = "0.1.0"
