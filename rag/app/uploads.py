"""Uploaded articles: safe file names, extension and size checks, copies only under corpus_dir/uploads."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import threading
import unicodedata
import uuid
from dataclasses import dataclass
from pathlib import Path

from ..ingest.readers import SUFFIXES
from ..types import IngestReport

log = logging.getLogger(__name__)

UPLOAD_SUFFIXES = (".txt", ".md", ".html", ".htm", ".json", ".jsonl")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass
class UploadResult:
    """What happened to one uploaded file: added / updated / unchanged / failed, and why."""

    name: str
    status: str
    detail: str = ""
    saved_as: str = ""


def safe_file_name(name: str) -> str:
    """Return a file name that cannot leave its directory: no path parts, no leading dots, only [A-Za-z0-9._-].

    A name with no such letters ("新闻.txt", "новости.txt") keeps its extension and becomes upload-<8 hex digits of
    the name>, so such uploads are accepted and told apart."""
    base = re.split(r"[\\/]", name or "")[-1]  # drop any directory part, Windows or POSIX
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    stem, suffix = _ascii_part(stem)[:80].strip("._-"), _ascii_part(suffix)
    if not stem:
        original = unicodedata.normalize("NFC", base.rpartition(".")[0] if dot else base).strip(" .")
        stem = f"upload-{hashlib.sha1(original.encode()).hexdigest()[:8]}" if original else "upload"
    return f"{stem}.{suffix.lower()}" if suffix else stem


def _ascii_part(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _UNSAFE.sub("_", text).strip("._-")


def check_upload(name: str, size: int, max_bytes: int) -> str | None:
    """Return why this upload is refused (wrong extension, too big, empty), or None when it may be saved."""
    suffix = Path(name).suffix.lower()
    if suffix not in UPLOAD_SUFFIXES or suffix not in SUFFIXES:
        return f"'{suffix or 'no extension'}' files are not accepted. Upload one of {', '.join(UPLOAD_SUFFIXES)}"
    if size == 0:
        return "the file is empty. Upload a file with an article in it"
    if size > max_bytes:
        return (f"the file is {size / 1e6:.1f} MB; the upload limit is {max_bytes / 1e6:.0f} MB. "
                "Split it, or ingest it with `rag ingest PATH`")
    return None


def article_count(source: Path, safe: str) -> int:
    """Return how many articles an upload holds, cheaply: a .jsonl's non-empty lines, a .json list's items, else 1
    (records that turn out bad still count: the limit is on what the uploader sent)."""
    suffix = Path(safe).suffix.lower()
    if suffix not in (".json", ".jsonl"):
        return 1
    try:
        text = source.read_text(encoding="utf-8", errors="replace")
        if suffix == ".jsonl":
            return sum(1 for line in text.splitlines() if line.strip())
        data = json.loads(text)
    except (OSError, ValueError, RecursionError):
        return 1  # the ingest reports what is wrong with it
    return len(data) if isinstance(data, list) else 1


def save_upload(source: Path, name: str, upload_dir: Path, max_bytes: int) -> tuple[Path | None, str]:
    """Copy one uploaded temp file into upload_dir under a safe name; return (saved path or None, refusal reason)."""
    safe = safe_file_name(name)
    size = source.stat().st_size if source.is_file() else 0
    reason = check_upload(safe, size, max_bytes)
    if reason:
        return None, reason
    partial = upload_dir / f".upload-{uuid.uuid4().hex}.part"  # no article suffix: never read as one
    try:
        upload_dir.mkdir(parents=True, exist_ok=True)
        # copied whole, then given its name: a full disk leaves no cut-off file for the next ingest to trip over
        shutil.copyfile(source, partial)
        target = _claim_name(upload_dir, safe, partial)
    except OSError as exc:
        return None, (f"it could not be saved in {upload_dir} ({exc.strerror or exc}). Free disk space or make the "
                      "directory writable, then upload it again")
    finally:
        partial.unlink(missing_ok=True)
    if target is None:
        return None, "the file name is not allowed. Rename the file"
    log.info("saved upload %r as %s", name, target)
    return target, ""


_NAMING = threading.Lock()  # (where the file system cannot hard-link: claiming a name is then check-and-rename)


def _claim_name(upload_dir: Path, safe: str, partial: Path) -> Path | None:
    """Give the copied upload its name: the safe name, or name-2, name-3 ... when an earlier upload with other content
    holds it (replacing it would delete the earlier upload's articles); the same content reuses its file. A name is
    taken by a hard link, which fails when the name exists, so two uploads of one name at the same moment (two
    users, two app processes) get two files. None for a name that would leave upload_dir."""
    stem, suffix = Path(safe).stem, Path(safe).suffix
    content = partial.read_bytes()
    for number in range(1, 10_000):
        target = upload_dir / (safe if number == 1 else f"{stem}-{number}{suffix}")
        if target.resolve().parent != upload_dir.resolve():  # belt and braces: never write outside uploads/
            return None
        if target.exists():
            if target.read_bytes() == content:
                return target
            continue
        try:
            os.link(partial, target)
            return target
        except FileExistsError:
            if target.read_bytes() == content:  # the same file, uploaded at the same moment
                return target
        except OSError:  # no hard links here
            with _NAMING:
                if not target.exists():
                    shutil.copyfile(partial, target.with_name(target.name + ".part"))
                    os.replace(target.with_name(target.name + ".part"), target)
                    return target
    raise OSError("no free upload name")  # 10,000 uploads of one name: the disk is the problem, not the name


def results_from_report(saved: list[tuple[str, Path]], report: IngestReport, ids_for_path) -> list[UploadResult]:
    """Return one UploadResult per saved (name, path), in order, from an ingest report (ids_for_path maps a path to
    article ids)."""
    results = []
    for name, path in saved:
        key = str(path)
        # a record's failure is keyed "path:line" (.jsonl) or "path[index]" (.json)
        failures = [reason for where, reason in report.failed
                    if where == key or where.startswith((key + ":", key + "["))]
        ids = ids_for_path(key)
        added = [i for i in ids if i in report.added]
        updated = [i for i in ids if i in report.updated]
        whole_file_failed = any(where == key for where, _ in report.failed)
        if not ids or whole_file_failed:
            results.append(UploadResult(name, "failed", "; ".join(failures) or "no article found in the file",
                                        saved_as=key))
            continue
        status = "added" if added else "updated" if updated else "unchanged"
        detail = f"{len(ids)} article{'s' * (len(ids) != 1)}"
        if failures:
            detail += f"; {len(failures)} record(s) skipped: {failures[0]}"
        results.append(UploadResult(name, status, detail, saved_as=key))
    return results
