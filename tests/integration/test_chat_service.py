"""ChatService for real (bundled MiniLM, Chroma in tmp_path): answers while indexing, follow-ups, uploads."""

import threading

import pytest

from rag import Pipeline
from rag.app.service import ChatService

pytestmark = pytest.mark.slow


class GatedEmbedder:
    """The real embedder, but embedding chunk batches during ingest waits for a signal (so a test can act
    mid-indexing); the one-text model warm-up passes."""

    def __init__(self, real):
        self.real, self.name, self.dim = real, real.name, real.dim
        self.embedding_started, self.release = threading.Event(), threading.Event()

    def encode(self, texts):
        if threading.current_thread().name == "newsrag-indexing" and len(texts) > 1:
            self.embedding_started.set()
            assert self.release.wait(120), "test never released the indexing thread"
        return self.real.encode(texts)


@pytest.fixture
def service(tmp_path, bundled_embedder, seed_corpus):
    pipeline = Pipeline(index_dir=tmp_path / "index", corpus_dir=seed_corpus, embedder=bundled_embedder)
    return ChatService(pipeline)


def test_first_start_answers_from_bm25_while_embedding_runs(tmp_path, bundled_embedder, seed_corpus):
    gated = GatedEmbedder(bundled_embedder)
    service = ChatService(Pipeline(index_dir=tmp_path / "index", corpus_dir=seed_corpus, embedder=gated))
    service.start_indexing()
    assert gated.embedding_started.wait(120)
    status = service.status
    assert status.running and status.stage == "embed" and status.total == 5 and status.done == 0
    reply = service.ask("How many people were killed in the Sumy region?")
    assert reply.answer is not None and not reply.answer.refused and "35" in reply.answer.text
    assert reply.notes and "0 of 5 new passages embedded" in reply.notes[-1]
    assert service.stats().embedded_chunks == 0
    gated.release.set()
    final = service.wait_for_indexing(120)
    assert final.stage == "done" and not final.running and "2 added" in final.summary
    assert service.stats().embedded_chunks == 5 and service.ask("Who did Rutte meet?").notes == []


def test_restart_skips_unchanged_articles(service):
    service.start_indexing()
    assert service.wait_for_indexing(120).stage == "done"
    again = ChatService(service.pipeline)
    again.start_indexing()
    status = again.wait_for_indexing(60)
    assert "0 added" in status.summary and "2 unchanged" in status.summary and "0 chunks embedded" in status.summary


def test_follow_up_is_rewritten_and_answered(service):
    service.start_indexing()
    service.wait_for_indexing(120)
    first = service.ask("What happened in Sumy?")
    follow = service.ask("How many died there?", [first.query])
    assert follow.query == "How many died in Sumy?" and follow.rewritten
    assert not follow.answer.refused and "35" in follow.answer.text
    assert any("Sumy" in c.quote for c in follow.answer.citations)


def test_a_filter_that_can_match_nothing_says_why(service):
    service.start_indexing()
    service.wait_for_indexing(120)
    outlet = service.pipeline.lexical.known_sources[0]
    typo = service.ask("How many people were killed in the Sumy region?", sources=[outlet + "s"])
    assert typo.answer.refused and any(f"No indexed article is from '{outlet}s'" in n for n in typo.notes)
    assert f"Only articles from {outlet}s were searched; the answer may be in others." in typo.notes
    assert "WION" in service.pipeline.lexical.known_sources  # the Sumy article's outlet
    right = service.ask("How many people were killed in the Sumy region?", sources=["wion"])  # typed in lower case
    assert not any("No indexed article" in n for n in right.notes) and "35" in right.answer.text
    backwards = service.ask("How many people were killed?", since="2025-12-01", until="2025-01-01")
    assert backwards.answer is None and "runs backwards" in backwards.error and "Swap them" in backwards.error


def test_missing_corpus_is_reported_not_raised(tmp_path, bundled_embedder):
    service = ChatService(Pipeline(index_dir=tmp_path / "i", corpus_dir=tmp_path / "nope", embedder=bundled_embedder))
    service.start_indexing()
    status = service.wait_for_indexing(30)
    assert status.stage == "failed" and "does not exist" in status.error
    assert "holds no articles" in service.ask("Who did Rutte meet?").error


def test_uploads_are_ingested_with_a_result_per_file(service, tmp_path):
    service.start_indexing()
    service.wait_for_indexing(120)
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    (incoming / "lighthouse.md").write_text(
        "Tromsø lighthouse repainted\n\ndate 2025-05-02\n\nThe old Tromsø lighthouse was repainted bright green "
        "by volunteers over the weekend, the harbour authority said on Friday.\n", encoding="utf-8")
    (incoming / "broken.json").write_text("{not json", encoding="utf-8")
    (incoming / "tool.exe").write_bytes(b"MZ\x00\x01")
    seed = next(p for p in sorted(service.pipeline.settings.corpus_dir.iterdir()) if p.suffix == ".txt")
    files = [("../lighthouse.md", incoming / "lighthouse.md"), ("broken.json", incoming / "broken.json"),
             ("tool.exe", incoming / "tool.exe"), (seed.name, seed)]  # same name: same source
    results = service.upload(files)
    assert [(r.name, r.status) for r in results] == [
        ("../lighthouse.md", "added"), ("broken.json", "failed"), ("tool.exe", "failed"),
        (seed.name, "added")]  # a corpus file's copy is an upload of its own (a corpus takedown still removes the
    # corpus's article: test_fault_injection.py), and sending it again changes nothing (below)
    assert "JSON" in results[1].detail and "not accepted" in results[2].detail
    assert sorted(p.name for p in service.upload_dir.iterdir()) == sorted(["broken.json", seed.name,
                                                                              "lighthouse.md"])
    answer = service.ask("What colour was the Tromsø lighthouse repainted?").answer
    assert not answer.refused and "green" in answer.text
    assert [r.status for r in service.upload([files[0], files[3]])] == ["unchanged", "unchanged"]


def test_an_upload_during_embedding_is_searchable_at_once_and_embedded_by_the_same_run(tmp_path, bundled_embedder,
                                                                                      seed_corpus):
    gated = GatedEmbedder(bundled_embedder)
    service = ChatService(Pipeline(index_dir=tmp_path / "index", corpus_dir=seed_corpus, embedder=gated))
    service.start_indexing()
    assert gated.embedding_started.wait(120)  # the first batch is held: embedding is under way
    upload = tmp_path / "ferry.md"
    upload.write_text("---\nsource: Fjord Post\n---\nBergen ferry strike ends\ndate 2023-12-22\n\nThe Bergen ferry "
                      "strike ended on Friday after the operator agreed to a 6 percent pay rise for the crews, the union "
                      "said. The strike had lasted nine days.\n")
    results = {}
    uploader = threading.Thread(target=lambda: results.update(r=service.upload([("ferry.md", upload)])))
    uploader.start()
    uploader.join(60)  # returns while the embedding batch is still held: keyword-indexed at once
    assert results["r"][0].status == "added" and service.status.stage == "embed"
    reply = service.ask("How long did the Bergen ferry strike last?")
    assert not reply.answer.refused and "nine days" in reply.answer.text
    assert reply.answer.citations[0].source == "Fjord Post"
    gated.release.set()
    final = service.wait_for_indexing(120)
    assert final.stage == "done"
    stats = service.stats()
    assert stats.embedded_chunks == stats.chunks == 6 and "Fjord Post" in stats.sources
    # the same background run stored the sentence vectors of every passage, the upload's included
    assert service.pipeline.sentence_encoder.store.covered() == service.pipeline.docs.chunk_ids()
