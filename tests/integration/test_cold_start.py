"""A fresh process over an existing index: with the ONNX export cached it answers without importing torch, and
it opens Chroma only when retrieval reads vectors (the default reranker's MiniLM features do; lexical reranking
does not)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from rag import Pipeline
from rag.index.embed import BundledEmbedder

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]
ASK = """import json, sys
from rag import Pipeline
rag = Pipeline(index_dir=sys.argv[1], model_cache_dir=sys.argv[2], rerank_dense=sys.argv[3] == "dense")
answer = rag.ask("How many people were killed in the Sumy region?", k=2)  # BM25 alone finds 2: no dense fill-in
print(json.dumps({"text": answer.text, "torch": "torch" in sys.modules, "chromadb": "chromadb" in sys.modules,
                  "sentence_transformers": "sentence_transformers" in sys.modules}))
"""


@pytest.fixture(scope="module")
def index_and_cache(tmp_path_factory, bundled_embedder):
    root = tmp_path_factory.mktemp("cold")
    rag = Pipeline(index_dir=root / "index", embedder=bundled_embedder)
    assert len(rag.ingest(REPO / "seeds").added) == 2
    exporter = BundledEmbedder(cache_dir=root / "models" / "onnx")  # where Settings.onnx_cache_dir points
    exporter._model = bundled_embedder.model
    assert exporter.onnx is not None
    return root / "index", root / "models"


def ask_in_fresh_process(index: Path, models: Path, mode: str) -> dict:
    out = subprocess.run([sys.executable, "-c", ASK, str(index), str(models), mode], cwd=REPO, capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_default_answers_without_torch_and_opens_chroma_for_the_dense_features(index_and_cache):
    result = ask_in_fresh_process(*index_and_cache, "dense")
    assert "35" in result["text"]
    assert not result["torch"] and not result["sentence_transformers"] and result["chromadb"]


def test_lexical_reranking_never_opens_chroma(index_and_cache):
    result = ask_in_fresh_process(*index_and_cache, "lexical")
    assert "35" in result["text"] and not result["torch"] and not result["chromadb"]
