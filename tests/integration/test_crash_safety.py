"""Crash safety for real: kill -9 a `rag ingest` subprocess mid-way (reading, then embedding), re-run, check the index."""

import os
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from rag import IndexLockedError, Pipeline
from rag.index.check import check_index, repair_index
from rag.ingest.readers import discover_files, origin_of, read_file

pytestmark = pytest.mark.slow
ARTICLES = 300  # one chunk each: the first embedding batch (256) lands, the rest is pending
TOWNS = ["Aldford", "Brekham", "Corvale", "Dunmore", "Eastwick", "Fenwold", "Glenrith", "Harrowby"]


def _write_corpus(directory):
    """Write ARTICLES short news stories (one chunk each) and return their directory."""
    directory.mkdir()
    for n in range(ARTICLES):
        town = TOWNS[n % len(TOWNS)]
        (directory / f"story_{n:04d}.txt").write_text(
            f"{town} council approves plan number {n}\ndate 2024-{1 + n % 12:02d}-{1 + n % 28:02d}\n"
            f"The {town} council approved plan number {n} on Tuesday after a debate of {n % 7 + 2} hours. "
            f"The plan sets aside {1000 + n * 13} euros for road repairs and {n % 40 + 5} new street lights. "
            f"Councillor number {n % 11} said residents had asked for the work for years.\n", encoding="utf-8")
    return directory


def _article_count(index_dir) -> int:
    try:
        with sqlite3.connect(f"file:{index_dir / 'docs.sqlite'}?mode=ro", uri=True, timeout=1) as db:
            return db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


class IngestProcess:
    """`python -m rag ingest` in a subprocess, with its stderr (progress bars) collected by a thread."""

    def __init__(self, index_dir, corpus):
        self.stderr = ""
        self.process = subprocess.Popen([sys.executable, "-m", "rag", "--index-dir", str(index_dir), "ingest",
                                         str(corpus)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                        env=dict(os.environ))
        threading.Thread(target=self._collect, daemon=True).start()

    def _collect(self):
        for piece in iter(lambda: os.read(self.process.stderr.fileno(), 4096), b""):  # whatever has arrived
            self.stderr += piece.decode(errors="replace")

    def embedded_so_far(self) -> int:
        found = re.findall(r"embedding chunks:.*?(\d+)/(\d+)", self.stderr)
        return int(found[-1][0]) if found else -1

    def wait_for(self, condition, timeout=600):
        deadline = time.monotonic() + timeout
        while not condition():
            assert self.process.poll() is None, f"ingest ended before the kill point:\n{self.stderr[-2000:]}"
            assert time.monotonic() < deadline, "kill point not reached in time"
            time.sleep(0.01)

    def kill(self):
        os.kill(self.process.pid, signal.SIGKILL)
        assert self.process.wait(timeout=30) == -signal.SIGKILL


def _assert_consistent(rag, expected_ids):
    report = check_index(rag)
    assert report.ok, report.summary()
    with sqlite3.connect(rag.settings.index_dir / "docs.sqlite") as db:  # read the rows as they are on disk
        chunk_rows = [row[0] for row in db.execute("SELECT id FROM chunks")]
        article_rows = [row[0] for row in db.execute("SELECT id FROM articles")]
    assert sorted(article_rows) == sorted(expected_ids)  # every article exactly once
    assert len(chunk_rows) == len(set(chunk_rows))
    vector_ids = rag.vectors.collection.get(include=[])["ids"]
    assert Counter(vector_ids) == Counter(chunk_rows)  # no duplicate, missing or orphan vector
    assert Counter(rag.lexical.ids) == Counter(chunk_rows)  # BM25 and Chroma in sync with the docstore


def test_kill_9_mid_ingest_then_rerun_leaves_a_consistent_index(tmp_path, bundled_embedder):
    corpus = _write_corpus(tmp_path / "corpus")
    index = tmp_path / "index"
    expected = {a.id for f in discover_files([corpus])[0] for a in read_file(f, 10**7, origin_of(f, Path('corpus')))[0]}
    assert len(expected) == ARTICLES

    first = IngestProcess(index, corpus)  # killed while reading files into the docstore
    first.wait_for(lambda: _article_count(index) > 0)
    with pytest.raises(IndexLockedError, match="locked"):  # a second writer meanwhile: a clear error, no damage
        Pipeline(index_dir=index, embedder=bundled_embedder).ingest(corpus)
    first.kill()
    assert 0 < _article_count(index) <= ARTICLES

    second = IngestProcess(index, corpus)  # killed while embedding, after at least one batch of vectors
    second.wait_for(lambda: 0 < second.embedded_so_far() < ARTICLES)
    second.kill()

    rag = Pipeline(index_dir=index, embedder=bundled_embedder)
    interrupted = check_index(rag)
    assert not interrupted.ok and any(p.name == "chunks without a vector" for p in interrupted.problems)
    report = rag.ingest(corpus)
    assert report.failed == [] and 0 < report.chunks_embedded < ARTICLES  # resumed, not redone
    assert len(report.added) + len(report.skipped) == ARTICLES
    _assert_consistent(rag, expected)
    answer = rag.ask("How many euros did the Corvale council set aside in plan number 2?")
    assert not answer.refused and "1026 euros" in answer.text


def test_check_repair_fixes_a_damaged_index(tmp_path, bundled_embedder, seed_corpus):
    rag = Pipeline(index_dir=tmp_path / "index", embedder=bundled_embedder)
    rag.ingest(seed_corpus)
    expected = set(rag.docs.content_hashes())
    assert check_index(rag).ok
    victim = sorted(rag.docs.chunk_ids())[0]
    with rag.docs.transaction() as db:  # a stray chunk, an article no file holds, a mangled chunk
        db.execute("INSERT INTO chunks VALUES ('ghost:0', 'no-such-article', 0, 0, 5, 'ghost')")
        db.execute("INSERT INTO articles (id, title, body) VALUES ('stray', 'Stray', 'Stray body text.')")
        db.execute("UPDATE chunks SET text = 'tampered' WHERE id = ?", [victim])
    rag.vectors.delete([sorted(rag.docs.chunk_ids())[-1]])  # a lost vector, and a vector of no chunk
    rag.vectors.collection.upsert(ids=["orphan:0"], embeddings=bundled_embedder.encode(["orphan"]), documents=["x"])
    found = {p.name for p in check_index(rag).problems}
    assert {"chunks whose article is missing", "articles without chunks", "articles that no file holds",
            "articles whose chunks do not match their text", "chunks without a vector",
            "vectors of chunks the docstore does not hold"} <= found, found
    repaired = repair_index(rag, apply=True)
    assert repaired.ok, repaired.summary()
    _assert_consistent(rag, expected)
    assert "Odesa" in rag.ask("Which Ukrainian city did Rutte visit?").text


def test_a_lost_docstore_is_never_rebuilt_from_other_files(tmp_path, bundled_embedder, seed_corpus):
    from rag import RagError

    index = tmp_path / "index"
    first = Pipeline(index_dir=index, embedder=bundled_embedder)
    first.ingest(seed_corpus)
    vectors = first.vectors.count()
    first.docs.close()
    other = tmp_path / "other"
    other.mkdir()
    (other / "note.txt").write_text("Harbour note\n\nThe Brisby ferry runs twice a day from June.\n", encoding="utf-8")
    (index / "docs.sqlite").write_bytes(b"")  # docs.sqlite lost (truncated); index.id and the vectors remain
    rag = Pipeline(index_dir=index, embedder=bundled_embedder, corpus_dir=other)
    for attempt in (rag.ensure_index, lambda: rag.ingest(other)):  # the first run's ingest, and an explicit one
        with pytest.raises(RagError, match=r"docs\.sqlite holds no articles.*--rebuild"):
            attempt()
        assert rag.vectors.count() == vectors  # nothing deleted
    rag.ingest(seed_corpus, rebuild=True)
    assert rag.vectors.count() == vectors and check_index(rag).ok
    assert "Odesa" in rag.ask("Which Ukrainian city did Rutte visit?").text


def test_cli_check_exit_codes(tmp_path, seed_corpus, bundled_embedder):
    Pipeline(index_dir=tmp_path / "index", embedder=bundled_embedder).ingest(seed_corpus)
    with sqlite3.connect(tmp_path / "index" / "docs.sqlite") as db:
        db.execute("DELETE FROM files")
    run = lambda *args: subprocess.run([sys.executable, "-m", "rag", "--index-dir", str(tmp_path / "index"), *args],
                                       capture_output=True, text=True, timeout=600)
    broken = run("check")
    assert broken.returncode == 1 and "articles that no file holds" in broken.stdout and "--repair" in broken.stderr
    dry = run("check", "--repair")  # a dry run: says what it would do, changes nothing
    assert dry.returncode == 1 and "would repair: 2 articles that no file holds" in dry.stdout
    assert "rag check --repair --yes" in dry.stderr and "articles: 2," in run("check").stdout
    fixed = run("check", "--repair", "--yes")
    assert fixed.returncode == 0 and "index is consistent" in fixed.stdout
    assert "articles: 0" in fixed.stdout  # no file held them any more; the next ingest adds them again


def test_an_ingest_the_disk_cannot_hold_is_refused_before_anything_is_written(tmp_path, bundled_embedder,
                                                                             seed_corpus, monkeypatch):
    from collections import namedtuple

    from rag import RagError

    rag = Pipeline(index_dir=tmp_path / "index", embedder=bundled_embedder)
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr("rag.pipeline.shutil.disk_usage", lambda path: usage(10**9, 10**9 - 2 * 10**6, 2 * 10**6))
    with pytest.raises(RagError, match=r"Not enough free disk space for the index at .*MB are free.*RAG_INDEX_DIR"):
        rag.ingest(seed_corpus)
    assert rag.docs.counts() == (0, 0) and rag.vectors.count() == 0
    monkeypatch.undo()  # the disk as it is
    assert len(rag.ingest(seed_corpus).added) == 2


def test_check_finds_and_repair_encodes_missing_answer_sentences(tmp_path, bundled_embedder, seed_corpus):
    rag = Pipeline(index_dir=tmp_path / "index", embedder=bundled_embedder)
    rag.ingest(seed_corpus)
    assert check_index(rag).ok
    with sqlite3.connect(tmp_path / "index" / "sentences.sqlite") as db:  # as if killed while storing them
        db.execute("DELETE FROM covered WHERE rowid % 2 = 0")
    rag = Pipeline(index_dir=tmp_path / "index", embedder=bundled_embedder)
    [problem] = check_index(rag).problems
    assert problem.name == "passages without stored answer-sentence vectors" and problem.repair
    repaired = repair_index(rag, apply=True)
    assert repaired.ok and any("answer sentences of" in r for r in repaired.repaired), repaired.summary()
