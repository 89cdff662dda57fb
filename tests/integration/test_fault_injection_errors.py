"""Fault injection for real (issue 13), part 2: what a person sees when things break (one line with the fix, never a
traceback) and hostile input edges, through the real `rag` command and the real pipeline."""

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from test_server_mode import ChromaServer, _free_port

from rag import Pipeline
from rag.app.service import ChatService
from rag.index.check import check_index, repair_index
from rag.index.lexical import LexicalIndex

pytestmark = pytest.mark.slow
REPO = Path(__file__).parents[2]


def rag_cli(*args, cwd=None, **env):
    """Run `python -m rag ARGS` (or app.py when args[0] is 'app.py'); return the CompletedProcess."""
    command = [sys.executable, str(REPO / "app.py"), *args[1:]] if args[0] == "app.py" else [
        sys.executable, "-m", "rag", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=cwd,
                          env=dict(os.environ, PYTHONPATH=str(REPO), **env))


def one_line_error(out, *words) -> str:
    """Assert the command failed with exit 2 and one `error:` line holding every word; return that line."""
    assert out.returncode == 2, (out.returncode, out.stdout, out.stderr)
    assert "Traceback" not in out.stderr, out.stderr
    lines = [line for line in out.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1 and all(word in lines[0] for word in words), out.stderr
    return lines[0]


@pytest.fixture
def index(tmp_path, bundled_embedder, seed_corpus):
    rag = Pipeline(index_dir=tmp_path / "index", embedder=bundled_embedder)
    assert len(rag.ingest(seed_corpus).added) == 2
    return rag


# 6. Tracebacks instead of messages.
def test_damaged_docstore_is_one_line_everywhere_and_rebuild_restores_it(index, seed_corpus, tmp_path):
    vectors = index.vectors.ids()
    index.docs.close()
    db = index.settings.index_dir / "docs.sqlite"
    data = bytearray(db.read_bytes())
    data[4096:12288] = b"\xde\xad" * 4096  # pages overwritten: "database disk image is malformed"
    db.write_bytes(bytes(data))
    where = ("--index-dir", str(index.settings.index_dir))
    for command in (("ask", "Who did Rutte meet?"), ("stats",), ("check",), ("check", "--repair"),
                    ("check", "--repair", "--yes")):
        one_line_error(rag_cli(*where, *command), "docs.sqlite is damaged", "rag ingest --rebuild")
    out = rag_cli(*where, "ingest", "--rebuild", str(seed_corpus))
    assert out.returncode == 0 and "2 added" in out.stdout and "0 chunks embedded" in out.stdout, out.stderr
    rag = Pipeline(index.settings, embedder=index.embedder)
    assert rag.vectors.ids() == vectors and check_index(rag).ok
    assert list(index.settings.index_dir.glob("docs.sqlite.damaged-*"))


def test_a_damaged_vector_store_is_one_line_and_its_fix_works(index, seed_corpus):
    index.docs.close()
    store = index.settings.index_dir / "chroma"
    db = store / "chroma.sqlite3"
    with open(db, "r+b") as f:
        f.truncate(db.stat().st_size // 2)
    where = ("--index-dir", str(index.settings.index_dir))
    for command in (("ask", "Who did Rutte meet?"), ("stats",), ("check",)):
        one_line_error(rag_cli(*where, *command), "vector store", "is damaged", "mv ", "rag ingest PATH")
    store.rename(store.with_name("chroma.damaged"))  # the fix the message gives
    out = rag_cli(*where, "ingest", str(seed_corpus))
    assert out.returncode == 0 and "chunks embedded" in out.stdout, out.stderr
    assert rag_cli(*where, "check").returncode == 0


def test_an_ingest_by_another_process_beside_a_running_app_breaks_no_question(index, seed_corpus):
    # the app's process holds Chroma open; `rag ingest` in another process adds an article; the app's next question
    # must not fail on Chroma's stale copy ("Error finding id") but read the store again
    assert "Zelensky" in index.ask("Who did Rutte meet?").text
    (seed_corpus / "harbour.txt").write_text("Harbour note\n\ndate 2025-04-16\n\nThe harbour office reopened "
                                            "berth 4 on Wednesday after repairs costing 2 million euros.\n",
                                            encoding="utf-8")
    out = rag_cli("--index-dir", str(index.settings.index_dir), "ingest", str(seed_corpus))
    assert out.returncode == 0 and "1 added" in out.stdout, out.stderr
    assert "Zelensky" in index.ask("Who did Rutte meet?").text
    assert index.ask("Which berth did the harbour office reopen?").short == "4"


def test_repair_after_the_vector_store_was_lost_ends_consistent(index):
    index.docs.close()
    shutil.rmtree(index.settings.index_dir / "chroma")
    where = ("--index-dir", str(index.settings.index_dir))
    out = rag_cli(*where, "check", "--repair", "--yes")
    assert out.returncode == 0 and "chunks embedded" in out.stdout and "index is consistent" in out.stdout, out
    assert rag_cli(*where, "check").returncode == 0


def test_rag_ask_with_an_outlet_no_article_has_says_so(index):
    index.docs.close()
    where = ("--index-dir", str(index.settings.index_dir))
    out = rag_cli(*where, "ask", "How many people were killed in the Sumy region?", "--source", "Nope News")
    assert out.returncode == 0 and "no indexed article is from 'Nope News'" in out.stdout, out.stderr
    out = rag_cli(*where, "ask", "How many people were killed in the Sumy region?", "--source", "wion")
    assert out.returncode == 0 and "35 people" in out.stdout and "no indexed article" not in out.stdout


def test_a_rebuild_of_a_mistyped_path_touches_nothing(index, seed_corpus):
    vectors = index.vectors.ids()
    index.docs.close()
    where = ("--index-dir", str(index.settings.index_dir))
    line = one_line_error(rag_cli(*where, "ingest", "--rebuild", str(seed_corpus) + "x"), "--rebuild found no articles",
                          str(seed_corpus) + "x", "left as is")
    assert "Check the path" in line
    rag = Pipeline(index.settings, embedder=index.embedder)
    assert rag.stats().articles == 2 and rag.vectors.ids() == vectors and check_index(rag).ok
    assert not list(index.settings.index_dir.glob("docs.sqlite.damaged-*"))  # nothing was set aside


@pytest.mark.parametrize("env, words", [
    ({"RAG_STORE": "bogus"}, ["'store'", "RAG_STORE", "'bogus'", "'embedded' or 'server'"]),
    ({"RAG_CHUNK_SIZE": "abc"}, ["'chunk_size'", "RAG_CHUNK_SIZE", "'abc'", "whole number"]),
])
def test_bad_setting_is_one_line_naming_it_and_the_allowed_values(tmp_path, env, words):
    for entry in (("stats",), ("app.py",)):
        one_line_error(rag_cli(*entry, cwd=tmp_path, **env), *words)


def test_unknown_rag_toml_key_is_one_line(tmp_path):
    (tmp_path / "rag.toml").write_text("chunk_sise = 300\n")
    one_line_error(rag_cli("stats", cwd=tmp_path), "Unknown setting 'chunk_sise'", "chunk_size")


def test_index_dir_that_cannot_be_created_is_one_line(tmp_path):
    (tmp_path / "a_file").write_text("not a directory")
    for command in (("ask", "Who did Rutte meet?"), ("ingest", str(tmp_path))):
        one_line_error(rag_cli("--index-dir", str(tmp_path / "a_file" / "index"), *command),
                       "index directory", "a_file/index", "RAG_INDEX_DIR")


def test_app_port_in_use_is_one_line(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        one_line_error(rag_cli("app.py", "--port", str(port), cwd=tmp_path, RAG_INDEX_DIR=str(tmp_path / "i")),
                       f"127.0.0.1:{port}", "--port")


def test_repair_rewrites_truncated_bm25_files(index):
    generation = index.docs.generation
    saved = index.settings.index_dir / "bm25" / f"g{generation}"
    for path in saved.iterdir():
        if path.suffix in (".npy", ".json") and path.name != "chunks.json":
            path.write_bytes(path.read_bytes()[:10])
    assert LexicalIndex.load(index.settings.index_dir / "bm25", generation) is None
    assert repair_index(index).planned  # a dry run first: it says what it would do ...
    assert LexicalIndex.load(index.settings.index_dir / "bm25", generation) is None  # ... and does nothing
    repaired = repair_index(index, apply=True)
    assert repaired.ok and "BM25 rebuilt" in repaired.repaired
    reloaded = LexicalIndex.load(index.settings.index_dir / "bm25", index.docs.generation)
    assert reloaded is not None and sorted(reloaded.ids) == sorted(index.docs.chunk_ids())


# 7. Input edges.
def test_ingest_exit_codes(tmp_path, seed_corpus):
    where = ("--index-dir", str(tmp_path / "index"))
    one = rag_cli(*where, "ingest", str(seed_corpus), str(tmp_path / "missing"))
    assert one.returncode == 1 and "missing: no such file" in one.stderr and "2 added" in one.stdout
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    for paths in ((tmp_path / "missing",), (broken,)):
        out = rag_cli(*where, "ingest", *map(str, paths))
        assert out.returncode == 2 and "nothing was read" in out.stderr and "Traceback" not in out.stderr, out.stderr
    assert rag_cli(*where, "ingest", str(seed_corpus)).returncode == 0


def test_hostile_records_fail_alone_and_the_rest_is_ingested(tmp_path, bundled_embedder, caplog):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    good = {"title": "Tram extended", "body": "The Gdansk tram line was extended to the airport in June."}
    (corpus / "types.json").write_text(json.dumps([good, {"title": "Number", "body": 42},
                                                   {"title": "Object", "body": {"text": "nested"}}]))
    (corpus / "deep.jsonl").write_text("\n".join([
        json.dumps({"title": "Port strike", "body": "Dockers in Rotterdam struck for two days in May."}),
        '{"title": "deep", "body": ' + "[" * 100_000 + "]" * 100_000 + "}",
        json.dumps({"title": "Bridge closed", "body": "The Kiel canal bridge closed for repairs in July."})]))
    for name, codec in (("le.txt", "utf-16-le"), ("be.txt", "utf-16-be")):
        (corpus / name).write_bytes(f"Ölpreis steigt ({name})\nHeating oil in Köln rose for a third week."
                                    .encode(codec))
    (corpus / "oneword.txt").write_text("Headline\n" + "a" * 3_000_000)
    rag = Pipeline(index_dir=tmp_path / "index", embedder=bundled_embedder)
    report = rag.ingest(corpus)
    failed = {Path(where.split(" ")[0]).name.split(":")[0].split("[")[0]: reason for where, reason in report.failed}
    stored = {a.title: a.body for a in map(rag.docs.article, rag.docs.content_hashes())}
    assert set(stored) == {"Tram extended", "Port strike", "Bridge closed", "Ölpreis steigt (le.txt)",
                           "Ölpreis steigt (be.txt)"}, (stored.keys(), report.failed)
    assert "42" not in "".join(stored.values()) and "{'text'" not in "".join(stored.values())
    assert sum("'body' is a number" in r or "'body' is an object" in r for _, r in report.failed) == 2
    assert "nests too deeply" in failed["deep.jsonl"] and "binary" not in " ".join(failed.values())
    assert "skipped: too long" in failed["oneword.txt"] and "RAG_MAX_ARTICLE_CHUNKS" in failed["oneword.txt"]
    assert rag.stats().chunks < 20  # the 3 MB word became no chunks at all, not 13,393
    assert not [r for r in caplog.records if r.exc_info]  # no tracebacks in the log


def test_upload_limits_too_long_and_too_many(tmp_path, bundled_embedder, seed_corpus):
    service = ChatService(Pipeline(index_dir=tmp_path / "index", corpus_dir=seed_corpus, embedder=bundled_embedder,
                                   upload_max_files=3))
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    (incoming / "word.txt").write_text("Headline\n" + "b" * 3_000_000)
    files = [("word.txt", incoming / "word.txt")]
    for n in range(3):
        (incoming / f"s{n}.txt").write_text(f"Story {n}\n\nThe council of town {n} met on Monday about parking.")
        files.append((f"s{n}.txt", incoming / f"s{n}.txt"))
    results = service.upload(files)
    assert results[0].status == "failed" and "skipped: too long" in results[0].detail
    assert [r.status for r in results[1:]] == ["added", "added", "failed"]
    assert "too many files in one upload (the limit is 3)" in results[3].detail
    assert not (service.upload_dir / "s2.txt").exists()


def test_an_upload_of_thousands_of_articles_is_refused_before_it_is_indexed(tmp_path, bundled_embedder,
                                                                            seed_corpus):
    """One 0.8 MB .jsonl of 5,000 tiny articles cost ~85 s of CPU to embed, repeatable by any login: an upload takes
    at most upload_max_articles over its files; a file that would pass it is refused, nothing of it indexed."""
    import json as _json

    service = ChatService(Pipeline(index_dir=tmp_path / "index", corpus_dir=seed_corpus, embedder=bundled_embedder,
                                   upload_max_articles=5))
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    (incoming / "few.jsonl").write_text("".join(_json.dumps({"title": f"Few {n}", "text": f"Ferry {n} sailed."}) + "\n"
                                                for n in range(3)))
    (incoming / "many.json").write_text(_json.dumps([{"title": f"Many {n}", "text": f"Barge {n} sank."}
                                                     for n in range(3)]))
    (incoming / "one.txt").write_text("One story\n\nThe lock keeper retired on Friday.")
    results = service.upload([(name, incoming / name) for name in ("few.jsonl", "many.json", "one.txt")])
    assert [r.status for r in results] == ["added", "failed", "added"]
    assert "holds 3 articles and one upload takes at most 5 (upload_max_articles)" in results[1].detail
    assert service.pipeline.stats().articles == 4 and not (service.upload_dir / "many.json").exists()


def test_read_only_index_copy_opens_read_only(tmp_path, bundled_embedder, seed_corpus):
    """The README's recipe for app hosts in server mode: `sqlite3 docs.sqlite ".backup copy"` plus bm25/, in a
    read-only directory. As root the app runs without the capabilities that bypass file permissions."""
    if os.geteuid() == 0 and not shutil.which("setpriv"):
        pytest.skip("running as root without util-linux setpriv: cannot make a directory read-only")
    server = ChromaServer(tmp_path / "chroma-data", _free_port())
    server.start()
    try:
        writer = Pipeline(index_dir=tmp_path / "index", store="server", chroma_port=server.port,
                          embedder=bundled_embedder)
        assert len(writer.ingest(seed_corpus).added) == 2
        copy = tmp_path / "copy"
        shutil.copytree(writer.settings.index_dir / "bm25", copy / "bm25")
        with closing(sqlite3.connect(writer.settings.index_dir / "docs.sqlite")) as source, \
                closing(sqlite3.connect(copy / "docs.sqlite")) as target:
            source.backup(target)
        for path in [*copy.rglob("*"), copy]:
            path.chmod(0o555 if path.is_dir() else 0o444)
        command = [sys.executable, "-m", "rag", "--index-dir", str(copy), "ask", "Which Ukrainian city did Rutte visit?"]
        if os.geteuid() == 0:
            command = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", *command]
        out = subprocess.run(command, capture_output=True, text=True, timeout=600, env=dict(
            os.environ, PYTHONPATH=str(REPO), RAG_STORE="server", RAG_CHROMA_PORT=str(server.port)))
        assert out.returncode == 0 and "Odesa" in out.stdout, out.stderr[-2000:]
        assert sorted(p.name for p in copy.iterdir()) == ["bm25", "docs.sqlite"]  # nothing written beside it
        denied = subprocess.run(command[:-2] + ["ingest", str(seed_corpus)], capture_output=True, text=True,
                                timeout=600, env=dict(os.environ, PYTHONPATH=str(REPO), RAG_STORE="server",
                                                      RAG_CHROMA_PORT=str(server.port)))
        one_line_error(denied, "read-only")
    finally:
        server.stop()
