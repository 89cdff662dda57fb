"""The package's shape: data flows one way (ingest -> index -> retrieval -> answer -> pipeline -> app/cli/bench),
with no import cycle, counting imports inside functions too."""

import ast
from pathlib import Path

import rag

ROOT = Path(rag.__file__).parent
# Lower number = lower layer. A module may import its own package or any lower layer, never a higher one.
# integrations/ sits under the pipeline: its adapters take a Pipeline object, they never import it.
LAYERS = {"config": 0, "types": 0, "errors": 0, "text": 0, "version": 0, "ingest": 1, "index": 2, "retrieval": 3, "answer": 4,
          "integrations": 5, "pipeline": 6, "app": 7, "evaluation": 7, "bench": 8, "cli": 9, "__init__": 9,
          "__main__": 10}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Return the rag modules a file imports anywhere in it (top level or inside functions)."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("rag"):
                found.add(target)
                found.update(f"{target}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("rag"))
    modules = {_module_name(p) for p in ROOT.rglob("*.py")}
    return {t for t in found if t in modules and t != name}


def _layer(module: str) -> tuple[str, int]:
    top = module.split(".")[1] if "." in module else "__init__"
    return top, LAYERS[top]


GRAPH = {_module_name(p): _imports(p) for p in ROOT.rglob("*.py")}


def test_no_module_imports_a_higher_layer():
    wrong = []
    for module, targets in GRAPH.items():
        if module == "rag":
            continue
        top, level = _layer(module)
        for target in targets:
            other, other_level = _layer(target)
            if other != top and (other_level > level or (other_level == level and level > 0)):
                wrong.append(f"{module} -> {target}")
    assert not wrong, wrong


def test_no_import_cycles():
    state: dict[str, int] = {}
    cycles = []

    def visit(module: str, stack: list[str]) -> None:
        state[module] = 1
        for target in GRAPH.get(module, ()):
            if target == "rag" or target.startswith("rag.") and target not in GRAPH:
                continue
            if state.get(target) == 1:
                cycles.append(stack[stack.index(target):] + [target])
            elif target not in state:
                visit(target, stack + [target])
        state[module] = 2

    for module in GRAPH:
        if module not in state:
            visit(module, [module])
    assert not cycles, cycles


def test_top_level_is_small_and_layers_exist():
    top = [p.name for p in ROOT.glob("*.py")]
    assert len(top) <= 10, top
    for package in ("ingest", "index", "retrieval", "answer", "app", "cli", "bench", "evaluation"):
        assert (ROOT / package / "__init__.py").exists(), package
