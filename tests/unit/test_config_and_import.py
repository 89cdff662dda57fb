import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from rag.config import Settings, load_settings
from rag.errors import ConfigError


def test_env_file_and_kwargs_precedence(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rag.toml").write_text('index_dir = "from-toml"\ntop_k = 7\nchunk_size = 300\n')
    monkeypatch.setenv("RAG_INDEX_DIR", "from-env")
    settings = Settings(chunk_size=128)
    assert settings.index_dir == Path("from-env") and settings.top_k == 7 and settings.chunk_size == 128


def test_unknown_setting_is_rejected():
    with pytest.raises(ValidationError):
        Settings(index_dri=".rag")


def test_import_rag_is_light():
    code = ("import sys, rag; heavy = [m for m in ('torch', 'chromadb', 'gradio', 'llama_index', "
            "'sentence_transformers', 'bm25s') if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_bad_settings_become_one_line_config_errors(tmp_path, monkeypatch):
    from rag.config import load_settings
    from rag.errors import ConfigError

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("RAG_STORE", "bogus")
    with pytest.raises(ConfigError, match=r"'store' \(RAG_STORE.*'bogus'; allowed values: 'embedded' or 'server'"):
        load_settings()
    monkeypatch.delenv("RAG_STORE")
    with pytest.raises(ConfigError, match="'chunk_size'.*'abc'.*whole number"):
        load_settings(chunk_size="abc")
    (tmp_path / "rag.toml").write_text("top_kk = 3\n")
    with pytest.raises(ConfigError, match="Unknown setting 'top_kk'") as caught:
        load_settings()
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("value, allowed", [("0", "greater than 0"), ("-1", "greater than 0"),
                                            ("inf", "of at most 86400"), ("1e10", "of at most 86400")])
def test_an_llm_timeout_that_cannot_work_is_refused_in_one_line(monkeypatch, value, allowed):
    monkeypatch.setenv("RAG_LLM_TIMEOUT", value)
    with pytest.raises(ConfigError, match=f"RAG_LLM_TIMEOUT.*'{value}', which is not a number {allowed}"):
        load_settings()
