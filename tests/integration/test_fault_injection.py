"""Fault injection for real (issue 13): each attack that once lost, replaced or hung data, replayed against the real
pipeline (bundled MiniLM, Chroma in tmp_path, a real `chroma run` server), counting articles and vectors before
and after. Error messages and input edges are in test_fault_injection_errors.py."""

import json
import os
import signal
import sqlite3
import threading
import time
from contextlib import closing

import pytest
from test_server_mode import ChromaServer, _free_port

from rag import IndexMismatchError, Pipeline, RagError
from rag.app.service import ChatService
from rag.index.check import check_index, repair_index

pytestmark = pytest.mark.slow
RUTTE_SEED = "000_04a9e4f104fbd3c5.txt"
RUTTE_TITLE = "Rutte Backs Trump’s Ukraine Peace Efforts, Slams Russian Attacks as “Terrible Pattern”"


def _snapshot(rag: Pipeline) -> dict:
    """Every stored article (title, source, url, body) by id, and every vector id."""
    with closing(sqlite3.connect(rag.settings.index_dir / "docs.sqlite")) as db:
        rows = db.execute("SELECT id, title, source, url, body FROM articles").fetchall()
    return {"articles": {r[0]: r[1:] for r in rows}, "vectors": rag.vectors.ids()}


@pytest.fixture
def service(tmp_path, bundled_embedder, seed_corpus):
    rag = Pipeline(index_dir=tmp_path / "index", corpus_dir=seed_corpus, embedder=bundled_embedder)
    (seed_corpus / "feed.json").write_text(json.dumps({
        "id": "wire-1", "title": "Harbour reopens", "source": "Real Wire", "url": "https://example.org/harbour",
        "body": "The harbour of Constanta reopened on Monday after a storm closed it for three days."}))
    report = rag.ingest(seed_corpus)
    assert len(report.added) == 3 and not report.failed
    return ChatService(rag)


# 1. An upload could replace corpus articles (same JSON id, or a .txt whose first line is a seed's title), and an
#    upload with an earlier upload's file name deleted that earlier upload's article.
def test_upload_with_a_corpus_id_or_title_is_stored_beside_and_never_replaces(service, tmp_path):
    before = _snapshot(service.pipeline)
    fake = tmp_path / "incoming"
    fake.mkdir()
    (fake / "hijack.json").write_text(json.dumps({"id": "wire-1", "title": "Harbour reopens", "source": "Real Wire",
                                                  "body": "The harbour was sold to a private buyer for one euro."}))
    (fake / "rutte.txt").write_text(f"{RUTTE_TITLE}\n\nRutte resigned on Tuesday and moved to a farm in Friesland.")
    results = service.upload([("hijack.json", fake / "hijack.json"), ("rutte.txt", fake / "rutte.txt")])
    assert [r.status for r in results] == ["added", "added"], results
    service.wait_for_indexing(120)  # uploads are keyword-indexed at once and embedded in the background
    after = _snapshot(service.pipeline)
    assert len(after["articles"]) == len(before["articles"]) + 2
    assert all(after["articles"][i] == row for i, row in before["articles"].items())  # nothing replaced
    assert before["vectors"] <= after["vectors"]  # nothing lost
    # A full re-ingest of corpus_dir (uploads/ included, read last) changes nothing either.
    again = service.pipeline.ingest(service.pipeline.settings.corpus_dir)
    assert not (again.added or again.updated or again.removed) and again.chunks_embedded == 0
    assert _snapshot(service.pipeline) == after
    for question in ("What happened to the harbour of Constanta?", "Who was the harbour sold to?"):
        for citation in service.pipeline.ask(question).citations:  # the outlet's URL never vouches for upload text
            assert ("one euro" in citation.quote) != (citation.url == "https://example.org/harbour"), citation


def test_second_upload_with_the_same_file_name_keeps_the_first(service, tmp_path):
    first, second = tmp_path / "a" / "notes.txt", tmp_path / "b" / "notes.txt"
    for path, text in ((first, "Bridge repaired\n\nThe Danube bridge at Ruse was repaired in April."),
                       (second, "Ferry cancelled\n\nThe ferry from Varna to Batumi was cancelled in May.")):
        path.parent.mkdir()
        path.write_text(text)
    assert service.upload([("notes.txt", first)])[0].status == "added"
    count = len(_snapshot(service.pipeline)["articles"])
    assert service.upload([("notes.txt", second)])[0].status == "added"
    bodies = [row[3] for row in _snapshot(service.pipeline)["articles"].values()]
    assert len(bodies) == count + 1 and any("Ruse" in b for b in bodies) and any("Batumi" in b for b in bodies)
    assert sorted(p.name for p in service.upload_dir.iterdir()) == ["notes-2.txt", "notes.txt"]
    assert service.upload([("notes.txt", second)])[0].status == "unchanged"  # the same content again: no copy
    assert len(list(service.upload_dir.iterdir())) == 2


# 3. Different articles with the same headline collapsed into one ("2 updated" on every run).
def test_same_title_articles_stay_apart_and_reingest_touches_nothing(tmp_path, bundled_embedder):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "live1.txt").write_text("Live updates\n\nFloods closed the motorway near Graz on Friday morning.")
    (corpus / "live2.txt").write_text("Live updates\n\nA strike halted every tram in Lyon on Saturday.")
    (corpus / "feed.jsonl").write_text("\n".join(json.dumps({"title": "Live updates", "body": body}) for body in (
        "Snow cut power to 4,000 homes in Tromso.", "The Oslo marathon was moved to Sunday.")))
    (corpus / "copy_of_live1.txt").write_text((corpus / "live1.txt").read_text())  # a copy: still one article
    rag = Pipeline(index_dir=tmp_path / "index", corpus_dir=corpus, embedder=bundled_embedder)
    first = rag.ingest(corpus)
    assert len(first.added) == 4 and rag.stats().articles == 4 and not first.failed
    second = rag.ingest(corpus)
    assert not (second.added or second.updated or second.removed) and len(second.skipped) == 5
    assert "Lyon" in rag.ask("Where did a strike halt every tram?").text


# 2. `rag check --repair` on a new/typo'd index dir (or an emptied docs.sqlite) deleted every vector of a
#    collection it did not own: in server mode, another index's vectors.
@pytest.fixture
def server_index(tmp_path, bundled_embedder, seed_corpus):
    server = ChromaServer(tmp_path / "chroma-data", _free_port())
    server.start()
    rag = Pipeline(index_dir=tmp_path / "real", store="server", chroma_port=server.port, chroma_timeout=3,
                   embedder=bundled_embedder)
    assert len(rag.ingest(seed_corpus).added) == 2
    yield server, rag
    if server.process.poll() is None:
        os.kill(server.process.pid, signal.SIGCONT)
        server.stop()


def test_repair_from_a_typod_index_dir_cannot_touch_a_server_collection(tmp_path, server_index, bundled_embedder):
    server, owner = server_index
    vectors = owner.vectors.ids()
    typo = Pipeline(index_dir=tmp_path / "reall", store="server", chroma_port=server.port, embedder=bundled_embedder)
    report = check_index(typo)
    assert any(p.name.startswith("collection not proven") for p in report.problems)
    assert not any(p.repair for p in report.problems if "vector" in p.name)  # no deletion is even proposed
    for apply in (False, True):
        with pytest.raises(RagError, match="holds no articles.*RAG_INDEX_DIR"):
            repair_index(typo, apply=apply)
    with pytest.raises(IndexMismatchError, match="Refusing to delete vectors"):
        typo.sync_vectors()  # the last line of defence, below repair
    assert owner.vectors.ids() == vectors and check_index(owner).ok


def test_repair_over_an_emptied_docstore_refuses_then_rebuild_restores(tmp_path, server_index, seed_corpus):
    server, owner = server_index
    vectors = owner.vectors.ids()
    articles = set(_snapshot(owner)["articles"])
    owner.docs.close()
    (owner.settings.index_dir / "docs.sqlite").write_bytes(b"")  # truncated to 0 bytes
    for name in ("docs.sqlite-wal", "docs.sqlite-shm"):
        (owner.settings.index_dir / name).unlink(missing_ok=True)
    rag = Pipeline(owner.settings, embedder=owner.embedder)
    with pytest.raises(RagError, match="holds no articles"):
        repair_index(rag, apply=True)
    assert rag.vectors.ids() == vectors
    report = rag.ingest(seed_corpus, rebuild=True)  # index.id proves the collection is this index's own
    assert set(_snapshot(rag)["articles"]) == articles and report.chunks_embedded == 0
    assert rag.vectors.ids() == vectors and check_index(rag).ok
    assert list(rag.settings.index_dir.glob("docs.sqlite.damaged-*"))  # set aside, not deleted


# 4. A stalled Chroma server hung questions forever; a killed one showed "[Errno 111] Connection refused".
def test_frozen_then_killed_chroma_server_gives_a_clear_error_and_the_app_recovers(server_index):
    server, rag = server_index
    service = ChatService(rag)
    assert "Odesa" in service.ask("Which Ukrainian city did Rutte visit?").answer.text
    os.kill(server.process.pid, signal.SIGSTOP)
    replies, started = [], time.monotonic()
    askers = [threading.Thread(target=lambda: replies.append(service.ask("Who did Rutte meet?"))) for _ in range(4)]
    for asker in askers:
        asker.start()
    for asker in askers:
        asker.join(120)
    waited = time.monotonic() - started
    assert len(replies) == 4 and not any(a.is_alive() for a in askers)  # none hangs
    assert all("did not answer within 3 s" in r.error and "RAG_CHROMA_TIMEOUT" in r.error for r in replies), replies
    print(f"\nfrozen server: 4 concurrent questions all failed cleanly after {waited:.1f} s (timeout 3 s)")
    os.kill(server.process.pid, signal.SIGCONT)
    assert "Odesa" in service.ask("Which Ukrainian city did Rutte visit?").answer.text  # no restart needed
    server.stop()
    error = service.ask("Which Ukrainian city did Rutte visit?").error
    assert "Cannot reach the Chroma server" in error and "chroma run" in error and "Errno" not in error


# 5. (session 41) An upload byte-identical to a corpus article was stored as a link to it: deleting the corpus file
#    and pruning then kept the article, still shown as the corpus's. Two identical corpus files were one article, so
#    editing one changed what was stored for the other.
def test_an_identical_upload_never_holds_back_a_corpus_articles_removal(service, tmp_path, seed_corpus):
    source = seed_corpus / "feed.json"
    copy = tmp_path / "copy.json"
    copy.write_bytes(source.read_bytes())
    [result] = service.upload([("copy.json", copy)])
    assert result.status == "added"
    service.wait_for_indexing(120)
    uploads = [i for i in _snapshot(service.pipeline)["articles"] if i.startswith("u-")]
    assert len(uploads) == 1  # an article of its own, not a link to the corpus one
    source.unlink()
    report = service.pipeline.ingest(seed_corpus, prune=True)
    assert len(report.removed) == 1 and not report.removed[0].startswith("u-")
    after = _snapshot(service.pipeline)["articles"]
    assert [i for i in after if "Constanta" in after[i][3]] == uploads  # the upload stays, marked as one
    assert [c.uploaded for c in service.pipeline.ask("When did the harbour of Constanta reopen?").citations] == [True]


def test_editing_one_of_two_identical_files_keeps_the_others_text(tmp_path, bundled_embedder):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = "Museum of Tin reopens\n\nThe Museum of Tin in Varna reopened on Friday and now holds 2,300 objects.\n"
    (corpus / "museum.txt").write_text(text)
    (corpus / "twin.txt").write_text(text)
    rag = Pipeline(index_dir=tmp_path / "index", corpus_dir=corpus, embedder=bundled_embedder)
    rag.ingest(corpus)
    assert rag.stats().articles == 1  # a copy is one article
    (corpus / "museum.txt").write_text(text.replace("2,300", "9,999"))
    rag.ingest(corpus / "museum.txt")  # only the edited file
    bodies = {path: rag.docs.article(next(iter(rag.docs.article_ids_for_path(path)))).body
              for path in (str(corpus / "museum.txt"), str(corpus / "twin.txt"))}
    assert "9,999" in bodies[str(corpus / "museum.txt")] and "2,300" in bodies[str(corpus / "twin.txt")]
    assert rag.stats().articles == 2 and check_index(rag).ok
    again = rag.ingest(corpus)
    assert not (again.added or again.updated or again.removed)
