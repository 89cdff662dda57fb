"""Uploads: safe names, extension and size limits, nothing written outside corpus_dir/uploads."""

from pathlib import Path

import pytest

from rag.types import IngestReport
from rag.app.uploads import check_upload, results_from_report, safe_file_name, save_upload


@pytest.mark.parametrize("name, safe", [
    ("../../etc/passwd.txt", "passwd.txt"),
    ("..\\..\\windows\\evil.md", "evil.md"),
    ("/abs/path/report.JSON", "report.json"),
    (".hidden.txt", "hidden.txt"),
    ("my report (final)!.txt", "my_report_final.txt"),
    ("Über Straße.md", "Uber_Strae.md"),
    ("...", "upload"),
    ("", "upload"),
    ("x.txt.exe", "x.txt.exe"),  # refused by its extension, not renamed into an accepted one
])
def test_safe_file_name_strips_directories_and_odd_characters(name, safe):
    assert safe_file_name(name) == safe


def test_a_name_in_another_script_keeps_its_extension_and_stays_distinct():
    names = [safe_file_name(n) for n in ("日本語ニュース.txt", "новости.txt", "Ελλάδα.md", "другие новости.txt")]
    assert all(n.startswith("upload-") for n in names) and len(set(names)) == 4
    assert [n.rsplit(".", 1)[1] for n in names] == ["txt", "txt", "md", "txt"]
    assert all(check_upload(n, 100, 10_000) is None for n in names)
    assert safe_file_name("новости.txt") == safe_file_name("../новости.txt")  # the same name, the same file name


def test_check_upload_refuses_wrong_extension_empty_and_oversized_files():
    assert "not accepted" in check_upload("tool.exe", 10, 1000)
    assert "not accepted" in check_upload("noextension", 10, 1000)
    assert "empty" in check_upload("a.txt", 0, 1000)
    assert "upload limit" in check_upload("a.txt", 2_000_000, 1_000_000)
    assert check_upload("a.jsonl", 10, 1000) is None


def test_save_upload_never_writes_outside_the_upload_dir(tmp_path):
    source = tmp_path / "incoming.txt"
    source.write_text("Title\n\nBody text of the article.")
    uploads = tmp_path / "corpus" / "uploads"
    saved, reason = save_upload(source, "../../../outside.txt", uploads, 10_000)
    assert reason == "" and saved == uploads / "outside.txt" and saved.read_text() == source.read_text()
    assert not (tmp_path / "outside.txt").exists()
    assert sorted(p.name for p in tmp_path.rglob("outside.txt")) == ["outside.txt"]


def test_save_upload_refuses_without_writing(tmp_path):
    source = tmp_path / "big.txt"
    source.write_bytes(b"x" * 5000)
    saved, reason = save_upload(source, "big.txt", tmp_path / "uploads", 1000)
    assert saved is None and "upload limit" in reason and not (tmp_path / "uploads").exists()


def test_results_map_each_file_to_added_unchanged_or_failed():
    saved = [("new.txt", Path("c/uploads/new.txt")), ("same.md", Path("c/uploads/same.md")),
             ("bad.json", Path("c/uploads/bad.json")), ("mixed.jsonl", Path("c/uploads/mixed.jsonl"))]
    report = IngestReport(added=["a1", "a3"], skipped=["a2"],
                          failed=[("c/uploads/bad.json", "is not valid JSON"), ("c/uploads/mixed.jsonl:2", "line 2 bad")])
    ids = {"c/uploads/new.txt": {"a1"}, "c/uploads/same.md": {"a2"}, "c/uploads/mixed.jsonl": {"a3"}}
    results = {r.name: r for r in results_from_report(saved, report, lambda p: ids.get(p, set()))}
    assert results["new.txt"].status == "added"
    assert results["same.md"].status == "unchanged"
    assert results["bad.json"].status == "failed" and "not valid JSON" in results["bad.json"].detail
    assert results["mixed.jsonl"].status == "added" and "line 2 bad" in results["mixed.jsonl"].detail


def test_skipped_records_of_a_json_list_are_reported_with_the_file():
    saved = [("list.json", Path("c/uploads/list.json"))]
    report = IngestReport(added=["a1"], failed=[("c/uploads/list.json[1]", "record 1 has no body"),
                                                ("c/uploads/list.json[2]", "record 2 has no body")])
    [result] = results_from_report(saved, report, lambda p: {"a1"})
    assert result.status == "added" and "2 record(s) skipped: record 1 has no body" in result.detail


def test_a_copy_cut_off_by_a_full_disk_leaves_no_file_and_says_why(tmp_path, monkeypatch):
    import errno
    import shutil

    source = tmp_path / "big.jsonl"
    source.write_text('{"title": "A", "text": "Body one."}\n' * 300, encoding="utf-8")
    uploads = tmp_path / "uploads"

    def full_disk(src, dst):  # writes part of the file, then the disk is full
        Path(dst).write_bytes(Path(src).read_bytes()[:1000])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(shutil, "copyfile", full_disk)
    saved, reason = save_upload(source, "big.jsonl", uploads, 10_000_000)
    assert saved is None and "could not be saved" in reason and "No space left on device" in reason
    assert list(uploads.iterdir()) == []  # no cut-off big.jsonl for the next ingest to fail on


def test_two_uploads_of_one_name_at_the_same_moment_keep_both_files(tmp_path, monkeypatch):
    """Two users upload race.json with different content at once: each gets its own file (the name is taken by a
    hard link that fails when it exists), so neither upload's articles are lost."""
    import os
    import threading

    uploads = tmp_path / "uploads"
    sources = []
    for who in ("ann", "bob"):
        source = tmp_path / who / "race.json"
        source.parent.mkdir()
        source.write_text(f'[{{"title": "{who}", "text": "Uploaded by {who}."}}]', encoding="utf-8")
        sources.append(source)
    both_checked = threading.Barrier(2)
    real_exists = Path.exists

    def exists_then_wait(self):  # both see the name free before either takes it: the race the attack hit
        free = real_exists(self)
        if self.name == "race.json" and not free:
            both_checked.wait(timeout=5)
        return free

    monkeypatch.setattr(Path, "exists", exists_then_wait)
    saved = [None, None]

    def upload(i):
        saved[i] = save_upload(sources[i], "race.json", uploads, 10_000_000)[0]

    threads = [threading.Thread(target=upload, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=10)
    assert None not in saved and saved[0] != saved[1]
    assert sorted(p.name for p in uploads.iterdir()) == ["race-2.json", "race.json"]
    assert {p.read_text(encoding="utf-8") for p in saved} == {s.read_text(encoding="utf-8") for s in sources}
    assert not [p for p in os.listdir(uploads) if p.endswith(".part")]


def test_the_same_content_uploaded_twice_reuses_its_file(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("Title\n\nA body of text.", encoding="utf-8")
    first, _ = save_upload(source, "a.txt", tmp_path / "uploads", 10_000)
    again, _ = save_upload(source, "a.txt", tmp_path / "uploads", 10_000)
    assert first == again and [p.name for p in (tmp_path / "uploads").iterdir()] == ["a.txt"]
