"""The stored sentence vectors as a cache: look-ups, what is encoded, encoder changes, damaged and read-only files."""

import numpy as np

from rag.index.sentence_vectors import SentenceEncoder, SentenceVectorStore, sync_sentence_vectors
from rag.types import Chunk


class CountingEmbedder:
    """A deterministic stand-in (vectors from a hash of the text) that records every text it encodes."""

    name, dim = "fake", 8

    def __init__(self):
        self.encoded: list[str] = []

    def encode(self, texts):
        self.encoded += texts
        vectors = np.stack([np.random.default_rng(abs(hash(t)) % 2**32).normal(size=self.dim) for t in texts])
        return (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)


class Docs:
    def __init__(self, texts: dict[str, str]):
        self.texts = texts

    def chunk_ids(self):
        return set(self.texts)

    def chunks(self, ids):
        return [Chunk(id=i, article_id="a", title="t", start=0, end=len(self.texts[i]), text=self.texts[i])
                for i in ids]


def sentences_of(text):
    return [s.strip() + "." for s in text.split(".") if s.strip()]


def test_encoder_reads_stored_vectors_and_encodes_only_the_rest(tmp_path):
    embedder = CountingEmbedder()
    store = SentenceVectorStore(tmp_path / "s.sqlite", "fake/full", embedder.dim)
    docs = Docs({"c1": "Kyiv was shelled. Odesa was quiet.", "c2": "Odesa was quiet. Rutte came."})
    assert sync_sentence_vectors(store, docs, embedder, sentences_of) == 2
    assert sorted(embedder.encoded) == ["Kyiv was shelled.", "Odesa was quiet.", "Rutte came."]  # each once
    reference = embedder.encode(["Rutte came.", "Who came?"])
    embedder.encoded.clear()
    vectors = SentenceEncoder(embedder, store).encode_sentences(["Rutte came.", "Who came?"])
    assert embedder.encoded == ["Who came?"]
    np.testing.assert_array_equal(vectors, reference)


def test_misses_are_remembered_in_memory_not_on_disk(tmp_path):
    embedder = CountingEmbedder()
    store = SentenceVectorStore(tmp_path / "s.sqlite", "fake/full", embedder.dim)
    encoder = SentenceEncoder(embedder, store, memory=2)
    encoder.encode_sentences(["Who came?", "Who left?"])
    encoder.encode_sentences(["Who came?"])
    assert embedder.encoded == ["Who came?", "Who left?"]
    assert store.lookup(["Who came?"]) == [None]
    encoder.encode_sentences(["Who stayed?"])  # the least recently used ("Who left?") falls out
    encoder.encode_sentences(["Who came?", "Who left?"])
    assert embedder.encoded == ["Who came?", "Who left?", "Who stayed?", "Who left?"]


def test_sync_covers_new_passages_only_and_forgets_deleted_ones(tmp_path):
    embedder = CountingEmbedder()
    store = SentenceVectorStore(tmp_path / "s.sqlite", "fake/full", embedder.dim)
    docs = Docs({"c1": "Kyiv was shelled.", "c2": "Rutte came."})
    sync_sentence_vectors(store, docs, embedder, sentences_of)
    embedder.encoded.clear()
    docs.texts = {"c2": "Rutte came.", "c3": "Rutte left."}
    assert sync_sentence_vectors(store, docs, embedder, sentences_of) == 1
    assert embedder.encoded == ["Rutte left."] and store.covered() == {"c2", "c3"}


def test_another_encoder_empties_the_store(tmp_path):
    embedder = CountingEmbedder()
    path = tmp_path / "s.sqlite"
    store = SentenceVectorStore(path, "fake/full", embedder.dim)
    sync_sentence_vectors(store, Docs({"c1": "Rutte came."}), embedder, sentences_of)
    store.close()
    assert SentenceVectorStore(path, "fake/full", embedder.dim).lookup(["Rutte came."])[0] is not None
    other = SentenceVectorStore(path, "fake/int8", embedder.dim)
    assert other.lookup(["Rutte came."]) == [None] and other.covered() == set()


def test_damaged_store_is_moved_aside_and_started_again(tmp_path, caplog):
    path = tmp_path / "s.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    store = SentenceVectorStore(path, "fake/full", 8)
    assert store.usable and "moved aside" in caplog.text
    assert [p.name.startswith("s.sqlite.damaged-") for p in tmp_path.iterdir()].count(True) == 1
    embedder = CountingEmbedder()
    assert sync_sentence_vectors(store, Docs({"c1": "Rutte came."}), embedder, sentences_of) == 1
    assert SentenceEncoder(embedder, store).encode_sentences(["Rutte came."]).shape == (1, 8)


def test_read_only_copy_reads_its_vectors_and_writes_nothing(tmp_path, monkeypatch):
    embedder = CountingEmbedder()
    path = tmp_path / "index" / "s.sqlite"
    path.parent.mkdir()
    store = SentenceVectorStore(path, "fake/full", embedder.dim)
    sync_sentence_vectors(store, Docs({"c1": "Rutte came."}), embedder, sentences_of)
    store.close()
    before = path.read_bytes()
    # root may write anywhere, so the directory's permissions are what the store is told, not what the OS enforces
    monkeypatch.setattr("rag.index.sentence_vectors._writable", lambda _: False)
    copy = SentenceVectorStore(path, "fake/full", embedder.dim)
    assert copy.lookup(["Rutte came."])[0] is not None
    assert copy.read_only and sync_sentence_vectors(copy, Docs({"c2": "Rutte left."}), embedder, sentences_of) == 0
    copy.close()
    assert path.read_bytes() == before  # the read-only connection wrote nothing
    assert SentenceVectorStore(tmp_path / "elsewhere" / "s.sqlite", "fake/full", 8).usable is False
