"""The package as a user gets it: build the wheel, install it (not editable) into a fresh venv, run it from there."""

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

import rag

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]


def run(*command, cwd: Path, timeout: int = 300) -> str:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # nothing but the venv's own packages
    out = subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True,
                         timeout=timeout)
    assert out.returncode == 0, f"{command} failed:\n{out.stdout[-2000:]}\n{out.stderr[-3000:]}"
    return out.stdout


def test_wheel_installs_into_a_fresh_venv_and_runs(tmp_path):
    # Build offline with the setuptools already installed (no isolated build env to download), from a copy of the
    # sources so the build leaves nothing in the checkout.
    source = tmp_path / "source"
    shutil.copytree(REPO / "rag", source / "rag", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(REPO / name, source / name)
    run(sys.executable, "-m", "pip", "wheel", source, "--no-deps", "--no-build-isolation", "-w", tmp_path / "dist",
        "-q", cwd=tmp_path)
    wheel = next((tmp_path / "dist").glob("newsrag_offline-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert f"newsrag_offline-{rag.__version__}.dist-info/METADATA" in names
    assert "rag/retrieval/rerank/models/" in "".join(names) and "rag/app/static/app.css" in names
    assert "rag/answer/models/reader.safetensors" in names and "rag/retrieval/models/noun_kinds.json" in names
    metadata = zipfile.ZipFile(wheel).read(f"newsrag_offline-{rag.__version__}.dist-info/METADATA").decode()
    assert "License-Expression: Apache-2.0" in metadata and "Requires-Dist: gradio<7,>=6" in metadata

    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    site = Path(run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=tmp_path).strip())
    # The dependencies come from the test's own environment (a path, not its .pth files: not our editable copy).
    (site / "deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", "-q", wheel,
        cwd=tmp_path)

    assert run(venv / "bin" / "rag", "--version", cwd=tmp_path).strip() == f"rag {rag.__version__} (newsrag-offline)"
    where = run(python, "-c", "import rag, sys; print(rag.__file__); print('torch' in sys.modules)", cwd=tmp_path)
    location, torch_loaded = where.split()
    assert Path(location).is_relative_to(site) and torch_loaded == "False"
    assert "ingest" in run(venv / "bin" / "rag", "--help", cwd=tmp_path)
