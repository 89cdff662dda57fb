"""Storage failures met mid-way get one line with the fix, by SQLite's message (Chroma passes it through)."""

import sqlite3
from pathlib import Path

from rag.index.vectors import storage_error

WHERE = Path("/data/index/chroma")


def test_a_full_disk_a_read_only_store_and_a_damaged_one_are_told_apart():
    full = storage_error(WHERE, sqlite3.OperationalError("database or disk is full"))
    assert "No space left" in str(full) and "run the command again" in str(full)
    assert "No space left" in str(storage_error(WHERE, OSError(28, "No space left on device")))
    read_only = storage_error(WHERE, RuntimeError("error returned from database: (code: 8) attempt to write a "
                                                  "readonly database"))
    assert "cannot be written" in str(read_only) and "RAG_INDEX_DIR" in str(read_only)
    damaged = storage_error(WHERE, RuntimeError("(code: 11) database disk image is malformed"))
    assert "is damaged" in str(damaged) and "mv /data/index/chroma /data/index/chroma.damaged" in str(damaged)
    assert storage_error(WHERE, ValueError("something else")) is None  # not ours to explain


def test_chromas_failed_compaction_after_a_full_disk_is_one_line_with_the_fix():
    from chromadb.errors import InternalError

    failed = storage_error(WHERE, InternalError("Error executing plan: Error sending backfill request to compactor: "
                                                "Failed to apply logs to the metadata segment"))
    assert "could not apply its pending writes" in str(failed) and "Free space" in str(failed)
