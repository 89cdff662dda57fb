import threading
import time

from rag.bench.load import RandomUnitEmbedder, measure_load, write_synthetic_corpus


def test_measure_load_counts_requests_and_errors_and_stops_by_itself():
    calls, lock = [], threading.Lock()

    def ask(question):
        with lock:
            calls.append(question)
        time.sleep(0.01)
        if question == "bad":
            raise ValueError("boom")

    started = time.monotonic()
    result = measure_load(ask, ["good", "bad", "good", "good"], clients=3, seconds=0.5)
    assert time.monotonic() - started < 2
    assert result["requests"] + result["errors"] == len(calls) > 10
    assert result["errors"] == calls.count("bad") > 0 and "ValueError: boom" in result["error_kinds"]
    assert 10 <= result["p50_ms"] <= result["p95_ms"] <= result["p99_ms"] and result["hung_clients"] == 0


def test_random_unit_vectors_are_unit_length():
    vectors = RandomUnitEmbedder().encode(["a", "b", "c"])
    assert vectors.shape == (3, 384)
    assert abs(float((vectors ** 2).sum(axis=1).max()) - 1) < 1e-5


def test_synthetic_corpus_reuses_real_sentences(tmp_path):
    source = tmp_path / "src"
    source.mkdir()
    sentence = "The council of the town approved a new budget for road repairs on Tuesday."
    (source / "a.jsonl").write_text("\n".join('{"body": "%s %d."}' % (sentence, n) for n in range(200)))
    assert write_synthetic_corpus(tmp_path / "out", chunks=40, source_corpus=source) == 10
    lines = (tmp_path / "out" / "synthetic_000.jsonl").read_text().splitlines()
    assert len(lines) == 10 and sentence in lines[0]
