"""Read news files (.txt, .md, .html, .json, .jsonl) into cleaned Articles with stable ids and content hashes."""

from __future__ import annotations

import codecs
import hashlib
import json
import logging
import os
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path

from .clean import clean_text, split_header, unwrap
from ..errors import ArticleError
from ..types import UPLOAD_PREFIX, Article

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".json", ".jsonl"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
# Documentation that sits beside a corpus is not news; skipped when walking a directory.
_NOT_ARTICLES = re.compile(r"^(readme|license|licence|changelog|notice)(\.\w+)?$", re.IGNORECASE)
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)
_HEADER_FIELD = re.compile(r"^(title|source|url|date|published|author|category)\s*:\s*(.+)$", re.IGNORECASE)
_MAX_TITLE = 160
UNKNOWN_SOURCE = "unknown source"
_CONTROL = frozenset(map(chr, [*range(0, 9), 11, 12, *range(14, 32), 127, *range(0x80, 0xA0)]))
_TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)[^>]*?(/?)>")
_VOID_TAGS = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"}
_MAX_HTML_DEPTH = 255  # libxml2 stops parsing deeper than this


def discover_files(paths: Iterable[Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Return the article files under paths (sorted, no duplicates) and (path, reason) for paths that fail."""
    found: dict[Path, None] = {}
    failed: list[tuple[str, str]] = []
    for path in map(Path, paths):
        if not path.exists():
            failed.append((str(path), "no such file or directory. Check the path"))
        elif path.is_file():
            found[path] = None
        else:
            for file in _walk(path, failed):
                found[file] = None
    return sorted(found), failed


def _walk(root: Path, failed: list[tuple[str, str]]) -> Iterator[Path]:
    """Yield article files under root; symlinked directories are followed once (loops are reported)."""
    seen_dirs: set[str] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=lambda e: failed.append((e.filename, f"cannot list directory ({e.strerror}). Check its permissions"))):
        real = os.path.realpath(dirpath)
        if real in seen_dirs:
            failed.append((dirpath, "symlink loop (this directory was already visited). Remove the link"))
            dirnames[:] = []
            continue
        seen_dirs.add(real)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            path = Path(dirpath, name)
            if name.startswith(".") or _NOT_ARTICLES.match(name) or path.suffix.lower() not in SUFFIXES:
                continue
            yield path


def read_file(path: Path, max_bytes: int, origin: str = "") -> tuple[list[Article], list[tuple[str, str]]]:
    """Return the articles in one file and (where, reason) for bad records; raise ArticleError if none can be read.

    origin names where the file sits (e.g. "corpus/world/a.txt" or "uploads/a.txt", default the path): it is part
    of every article id, so files in different places never overwrite each other's articles.
    """
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ArticleError(str(path), f"unsupported file type '{suffix}'", f"Use one of {', '.join(sorted(SUFFIXES))}.")
    text = decode(path, _read_bytes(path, max_bytes))
    if not text.strip():
        raise ArticleError(str(path), "the file is empty", "Add the article text or remove the file.")
    try:
        if suffix in JSON_SUFFIXES:
            articles, failed = _read_json(path, text)
        else:
            articles, failed = [_read_html(path, text) if suffix in HTML_SUFFIXES else _read_plain(path, text)], []
    except ArticleError:
        raise
    except (RecursionError, MemoryError, ValueError, LookupError, TypeError) as exc:
        # A parser choking on one hostile file must not abort the whole ingest.
        log.warning("%s could not be parsed", path, exc_info=True)
        raise ArticleError(str(path), f"could not be parsed ({type(exc).__name__}: {str(exc)[:120]})",
                           "Check the file is a well-formed article, or remove it.") from exc
    return assign_ids(articles, origin or str(path)), failed


def origin_of(path: Path, corpus_dir: Path) -> str:
    """Return where a file sits, for its article ids: "uploads/REL" under corpus_dir/uploads, "corpus/REL" elsewhere
    under corpus_dir, else its absolute path (so moving the corpus directory keeps every id)."""
    resolved = path.resolve()
    corpus = corpus_dir.resolve()
    for root, name in ((corpus / "uploads", "uploads"), (corpus, "corpus")):
        if resolved.is_relative_to(root):
            return f"{name}/{resolved.relative_to(root).as_posix()}"
    return resolved.as_posix()


def assign_ids(articles: list[Article], origin: str) -> list[Article]:
    """Give each article its id: where it came from (origin) + what it declares (its id, else title|source|date).

    A repeated declaration in one file gets its position appended, so two records titled "Live updates" stay two
    articles. Files under uploads/ get ids of their own ("u-"), so an upload can never replace a corpus article.
    """
    prefix = UPLOAD_PREFIX if origin.startswith("uploads/") else "a-"
    seen: dict[str, int] = {}
    for article in articles:
        key = article.id
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            key = f"{key}#{seen[key]}"
        article.id = prefix + hashlib.sha1(f"{origin}\x1f{key}".encode()).hexdigest()[:16]
    return articles

def _read_bytes(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ArticleError(str(path), f"the file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit",
                               "Split it, or raise RAG_MAX_FILE_MB.")
        return path.read_bytes()
    except OSError as exc:
        raise ArticleError(str(path), f"cannot be read ({exc.strerror})", "Check the file's permissions.") from exc


def decode(path: Path, raw: bytes) -> str:
    """Return the file's text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252/Latin-1."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16")
    if (utf16 := _utf16_without_bom(raw)) is not None:
        return utf16
    if b"\x00" in raw[:8192] or raw.startswith(b"\x89PNG"):
        raise ArticleError(str(path), "is a binary file, not text", "Convert it to .txt/.html/.json or remove it.")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    if sum(ch in _CONTROL for ch in text[:8192]) > 0.05 * len(text[:8192]):
        raise ArticleError(str(path), "is a binary file, not text", "Convert it to .txt/.html/.json or remove it.")
    log.warning("%s is not UTF-8; decoded as Windows-1252/Latin-1. Save it as UTF-8 to be sure.", path)
    return text


def _utf16_without_bom(raw: bytes) -> str | None:
    """Return the text of UTF-16 (LE or BE) without a BOM, recognised by NULs in every other byte, else None."""
    head = raw[:8192]
    if len(head) < 4 or len(raw) % 2:
        return None
    even, odd = head[0::2], head[1::2]
    for nuls, other, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if nuls.count(0) > 0.6 * len(nuls) and other.count(0) < 0.05 * len(other):
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError:
                return None
            if sum(ch in _CONTROL for ch in text[:4096]) <= 0.05 * len(text[:4096]):
                return text
    return None


def _read_plain(path: Path, text: str) -> Article:
    """A .txt/.md article: optional front matter, then the title line; a dateline and `source:` / `url:` lines
    anywhere in the first three lines are metadata."""
    fields: dict[str, str] = {}
    if match := _FRONT_MATTER.match(text):
        fields = _header_fields(match.group(1).splitlines())
        text = text[match.end():]
    header, published, text = split_header(text)
    fields = header | fields  # front matter wins over header lines
    lines = text.strip().split("\n")
    first_line = lines[0].strip().lstrip("#").strip()
    title = fields.get("title") or first_line
    if title and title == first_line and len(title) <= _MAX_TITLE:
        text = "\n".join(lines[1:])  # a heading line is the title, not body
    body = clean_text(unwrap(text))  # a plain-text file may be wrapped at a fixed width
    if not body:
        raise ArticleError(str(path), "has a title but no article text", "Add the article body or remove the file.")
    return make_article(
        path, title=_shorten_title(title), body=body, source=fields.get("source", ""),
        published=parse_date(fields.get("published") or fields.get("date")) or published,
        url=fields.get("url", ""), author=fields.get("author", ""), category=fields.get("category", ""),
    )


def _header_fields(lines: list[str]) -> dict[str, str]:
    fields = {}
    for line in lines:
        if match := _HEADER_FIELD.match(line.strip()):
            fields[match.group(1).lower()] = match.group(2).strip().strip('"')
    return fields


def _shorten_title(title: str) -> str:
    """Return a title short enough for a citation card: a lede used as title is cut at a word boundary."""
    if len(title) <= _MAX_TITLE:
        return title
    first_sentence = re.split(r"(?<=[.!?])\s", title, maxsplit=1)[0]
    if len(first_sentence) <= _MAX_TITLE:
        return first_sentence
    return title[:_MAX_TITLE].rsplit(" ", 1)[0] + "…"


def _read_html(path: Path, html: str) -> Article:
    """An .html article: text and metadata extracted by trafilatura."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, as_dict=False)
    body = clean_text(doc.text or "") if doc is not None else ""
    if not body:
        if html_depth(html) > _MAX_HTML_DEPTH:
            raise ArticleError(str(path), f"the HTML nests tags {html_depth(html)} deep, beyond the parser's "
                               f"limit of {_MAX_HTML_DEPTH}", "Save the article as .txt, or simplify the page.")
        raise ArticleError(str(path), "no article text found in the HTML (only markup, scripts or navigation)",
                           "Save the article page itself, or convert it to .txt.")
    return make_article(
        path, title=doc.title or path.stem, body=body, source=doc.sitename or doc.hostname or "",
        published=parse_date(doc.date), url=doc.url or "", author=doc.author or "",
        category=", ".join(doc.categories or []) if isinstance(doc.categories, list) else "",
    )


def html_depth(html: str) -> int:
    """Return the deepest nesting of (non-void) tags in an HTML text."""
    depth = deepest = 0
    for match in _TAG.finditer(html):
        closing, name, self_closing = match.groups()
        if name.lower() in _VOID_TAGS or self_closing:
            continue
        depth = max(0, depth - 1) if closing else depth + 1
        deepest = max(deepest, depth)
    return deepest


def _read_json(path: Path, text: str) -> tuple[list[Article], list[tuple[str, str]]]:
    """Articles from a .json file (object, list, or {"articles": [...]}) or .jsonl (one object per line)."""
    records: list[tuple[str, object]] = []
    failed: list[tuple[str, str]] = []
    if path.suffix.lower() == ".jsonl":
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    records.append((f"{path}:{number}", json.loads(line)))
                except json.JSONDecodeError as exc:
                    failed.append((f"{path}:{number}", f"line {number} is not valid JSON ({exc.msg}). Fix or remove the line"))
                except RecursionError:  # one hostile line must not cost the file's good lines
                    failed.append((f"{path}:{number}", f"line {number} nests too deeply to parse. Flatten or remove "
                                                       "the line"))
    else:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ArticleError(str(path), f"not valid JSON ({exc.msg} at line {exc.lineno})") from exc
        except RecursionError as exc:
            raise ArticleError(str(path), "nests too deeply to parse", "Flatten the JSON or remove the file.") from exc
        data = data.get("articles", data) if isinstance(data, dict) else data
        items = data if isinstance(data, list) else [data]
        records = [(f"{path}[{i}]" if len(items) > 1 else str(path), item) for i, item in enumerate(items)]
    articles = []
    for where, record in records:
        try:
            articles.append(_article_from_record(path, where, record))
        except ArticleError as exc:
            failed.append((where, str(exc).removeprefix(f"{where}: ")))
    if not articles and failed and path.suffix.lower() == ".json":
        raise ArticleError(str(path), failed[0][1].rstrip("."), "")
    return articles, failed


def _article_from_record(path: Path, where: str, record: object) -> Article:
    if not isinstance(record, dict):
        raise ArticleError(where, "is not a JSON object with article fields", "Use {\"title\": ..., \"body\": ...}.")
    raw_body = record.get("body") or record.get("text") or record.get("content") or ""
    if isinstance(raw_body, list) and all(isinstance(part, str) for part in raw_body):
        raw_body = "\n\n".join(raw_body)  # paragraphs
    if not isinstance(raw_body, str):
        kind = "an object" if isinstance(raw_body, dict) else "a list" if isinstance(raw_body, list) else "a number"
        raise ArticleError(where, f"its 'body' is {kind}, not text",
                           "Put the article text in 'body' as a string (or a list of paragraph strings).")
    body = clean_text(raw_body)
    if not body:
        raise ArticleError(where, "has no article text (no 'body' or 'text' field)", "Add a 'body' field or remove the record.")
    title = str(record.get("title") or "").strip() or _shorten_title(body.split("\n", 1)[0])
    return make_article(
        path, title=title, body=body, source=str(record.get("source") or ""),
        published=parse_date(record.get("published") or record.get("date")), url=str(record.get("url") or ""),
        author=_as_text(record.get("author")), category=_as_text(record.get("category")),
        article_id=str(record.get("id") or ""),
    )


def _as_text(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value or "")


def parse_date(value: object) -> date | None:
    """Return the date in an ISO string ('2023-11-27T08:45:59+00:00', '2023-11-27') or a few common formats."""
    if not value:
        return None
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    for fmt in ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%a, %d %b %Y %H:%M:%S %z"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def outlet_from_url(url: str) -> str:
    """Return the outlet named by a URL's host ('www.reuters.com' -> 'reuters.com'), else 'unknown source'.

    Never the file name: a file called 000_04a9.txt says nothing about who published the article.
    """
    from urllib.parse import urlparse

    host = (urlparse(url.strip()).hostname or "") if url and "://" in url else ""
    return host.removeprefix("www.") or UNKNOWN_SOURCE


def make_article(path: Path, *, title: str, body: str, source: str = "", published: date | None = None,
                 url: str = "", author: str = "", category: str = "", article_id: str = "") -> Article:
    """Return an Article whose id is what it declares (given, else title|source|date) and a hash of its content.

    read_file turns that declared id into the stored id by adding where the file sits (assign_ids).
    """
    title = " ".join(title.split())
    if not article_id:
        article_id = "|".join([title.lower(), source.strip().lower(), published.isoformat() if published else ""])
    declared_source = source.strip()  # the hash leaves out the file-name fallback: a copied file is the same article
    source = declared_source or outlet_from_url(url)  # never the file name
    content = "\x1f".join([title, body, declared_source, published.isoformat() if published else "", url, author,
                           category])
    return Article(
        id=article_id, title=title, body=body, source=source, published=published, url=url, author=author,
        category=category, path=str(path), content_hash=hashlib.sha1(content.encode()).hexdigest(),
    )
