"""`rag bench snippets` end to end on a tiny snippet set: real model, real Chroma in a temporary index per set."""

import json

import pytest

from rag.cli import main

pytestmark = pytest.mark.slow

TEXT = """---
title: Okonjo wins Lowtherby Open
source: Northline Wire
date: 2024-06-09
url: https://example.org/okonjo
---
Unseeded Adaeze Okonjo won the Lowtherby Open women's singles title on Sunday, beating top seed Katya Varnell \
6-4, 3-6, 7-5. Okonjo, 21, collects $115,000 and will rise to 48th in the world rankings. The men's final was \
postponed until Monday because of rain.
"""
QUESTIONS = [
    {"id": "t-1", "type": "person", "style": "full", "question": "Who won the Lowtherby Open women's title?",
     "answerable": True, "answers": ["Adaeze Okonjo"]},
    {"id": "t-2", "type": "money", "style": "keyword", "question": "okonjo lowtherby prize",
     "answerable": True, "answers": ["$115,000"]},
    {"id": "t-3", "type": "person", "style": "conversational", "question": "so who won the men's final?",
     "answerable": False, "answers": []},
]


def test_bench_snippets_scores_a_set_and_records_it(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "n0"
    (folder / "texts").mkdir(parents=True)
    (folder / "texts" / "n0_01.txt").write_text(TEXT)
    (folder / "qa.jsonl").write_text("\n".join(json.dumps(q) for q in QUESTIONS) + "\n")
    monkeypatch.chdir(tmp_path)
    assert main(["--index-dir", str(tmp_path / "index"), "bench", "snippets", "--corpus", str(folder)]) == 0
    row = (tmp_path / "docs" / "BENCHMARKS.md").read_text()
    assert "## Snippet sets (`rag bench snippets`): n0" in row
    assert "answerable_strict=1.0" in row and "near_miss_strict=1.0" in row and "questions=3" in row
    assert not (tmp_path / "index").exists() or not any((tmp_path / "index").iterdir())  # each set has its own index
    printed = capsys.readouterr().out
    assert '"n": 2' in printed and '"n": 1' in printed
