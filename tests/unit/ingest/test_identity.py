"""Article ids: where the file sits + what the article declares; uploads get their own namespace."""

import json
from pathlib import Path

from rag.ingest.readers import decode, origin_of, read_file


def test_ids_depend_on_origin_and_declaration_not_on_body(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Live updates\n\nFirst body.")
    corpus = read_file(path, 10**6, "corpus/a.txt")[0][0]
    upload = read_file(path, 10**6, "uploads/a.txt")[0][0]
    elsewhere = read_file(path, 10**6, "corpus/b.txt")[0][0]
    assert corpus.id.startswith("a-") and upload.id.startswith("u-")
    assert len({corpus.id, upload.id, elsewhere.id}) == 3
    path.write_text("Live updates\n\nSecond body.")
    assert read_file(path, 10**6, "corpus/a.txt")[0][0].id == corpus.id  # an edited file updates its article


def test_repeated_titles_in_one_file_stay_apart(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps({"title": "Live updates", "body": f"Body {n}."}) for n in range(3)))
    assert len({a.id for a in read_file(path, 10**6)[0]}) == 3


def test_origin_names_uploads_corpus_and_outside(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "uploads").mkdir(parents=True)
    assert origin_of(corpus / "uploads" / "x.txt", corpus) == "uploads/x.txt"
    assert origin_of(corpus / "world" / "y.txt", corpus) == "corpus/world/y.txt"
    assert origin_of(tmp_path / "z.txt", corpus) == (tmp_path / "z.txt").resolve().as_posix()


def test_utf16_without_bom_is_text():
    for codec in ("utf-16-le", "utf-16-be"):
        assert decode(Path("x.txt"), "Köln oil price\nrose again.".encode(codec)) == "Köln oil price\nrose again."
