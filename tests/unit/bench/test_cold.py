"""`rag bench cold` helpers: the dependency closure and install sizes it reports."""

from rag.bench.cold import TORCH_SIDE, _closure, _requirements, install_sizes


def test_closure_follows_requirements_and_skips_extras():
    closure = _closure(["gradio>=6,<7"])
    assert {"gradio", "fastapi", "starlette", "pydantic"} <= closure
    assert "mcp" not in closure  # installed here, but only through the gradio[mcp] extra


def test_install_sizes_split_off_the_torch_side():
    requirements = _requirements()
    assert any(r.startswith("torch") for r in requirements)
    sizes = install_sizes(requirements)
    assert sizes["install MB"] > sizes["install MB without torch"] > 0
    assert abs(sizes["install MB"] - sizes["install MB without torch"] - sizes["torch-only MB"]) < 1e-6
    assert sizes["torch-only MB"] > 500  # torch alone is ~750 MB
    assert not set(TORCH_SIDE[:2]) & _closure([r for r in requirements if not r.startswith(TORCH_SIDE)])
