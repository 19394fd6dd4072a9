"""Turn input paths into a stream of raw articles and error rows.

Nothing here raises on bad input: an unreadable file, an undecodable or empty text, a broken JSON
line or a Parquet file without the needed columns becomes an error row, and the stream goes on.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import charset_normalizer
import pyarrow.parquet as pq

SUPPORTED_SUFFIXES = {".txt", ".html", ".htm", ".jsonl", ".parquet"}
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
METADATA_KEYS = ("title", "outlet", "published_at", "authors", "editor", "agency")


@dataclass(frozen=True)
class RawArticle:
    doc_id: str
    source: str
    format: str
    url: str | None
    raw_text: str
    is_html: bool
    given_metadata: str | None = None


@dataclass(frozen=True)
class InputError:
    source: str
    kind: str
    message: str
    doc_id: str | None = None
    severity: str = "error"
    stage: str = "read"


Record = RawArticle | InputError


def make_doc_id(source: str) -> str:
    """Stable id from where the article came from (path relative to its input root, plus line id)."""
    return hashlib.blake2b(source.encode("utf-8"), digest_size=8).hexdigest()


def list_inputs(paths: Iterable[Path]) -> Iterator[tuple[Path, Path]]:
    """(file, root) pairs in a sorted, reproducible order; a file given directly is its own root's child."""
    for path in paths:
        if path.is_dir():
            # A broken link or unreadable entry is listed too, so it becomes an error row.
            for file in sorted(p for p in path.rglob("*") if p.is_file() or p.is_symlink()):
                if not any(part.startswith(".") for part in file.relative_to(path).parts):
                    yield file, path
        else:
            yield path, path.parent


def read_inputs(paths: Iterable[Path]) -> Iterator[Record]:
    for file, root in list_inputs(paths):
        source = file.relative_to(root).as_posix()
        suffix = file.suffix.lower()
        if suffix not in SUPPORTED_SUFFIXES:
            yield InputError(source, "unsupported_format", f"{suffix or 'no suffix'} is not one of {sorted(SUPPORTED_SUFFIXES)}")
            continue
        try:
            data = file.read_bytes()
        except OSError as error:
            yield InputError(source, "unreadable", str(error))
            continue
        if suffix == ".parquet":
            yield from _read_parquet(file, source)
            continue
        text, warning = decode(data)
        if text is None:
            yield InputError(source, warning[0], warning[1], make_doc_id(source))
            continue
        if warning:
            yield InputError(source, warning[0], warning[1], make_doc_id(source), severity="warning")
        if suffix == ".jsonl":
            yield from _read_jsonl(text, source)
        else:
            is_html = suffix in {".html", ".htm"}
            yield from _article(source, "html" if is_html else "txt", None, text, is_html)


def decode(data: bytes) -> tuple[str | None, tuple[str, str] | None]:
    """Decode bytes as UTF-8 (with or without BOM) or UTF-16 with BOM; other encodings are guessed
    and reported as a warning; binary data is refused."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), None
    if b"\x00" in data[:4096]:
        return None, ("binary", "the file holds binary data (NUL bytes), not text")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as error:
        utf8_error = str(error)
    match = charset_normalizer.from_bytes(data).best()
    if match is None:
        return None, ("encoding", f"not UTF-8 ({utf8_error}) and no other encoding fits")
    return str(match), ("encoding", f"not UTF-8; decoded as {match.encoding}")


def _article(source: str, fmt: str, url: str | None, text: str, is_html: bool, metadata: dict | None = None) -> Iterator[Record]:
    doc_id = make_doc_id(source)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, replaced = CONTROL_CHARACTERS.subn(" ", text)
    if not text.strip():
        yield InputError(source, "empty", "the article has no text", doc_id)
        return
    if replaced:
        yield InputError(source, "control_characters", f"{replaced} control character(s) replaced by spaces", doc_id, severity="warning")
    yield RawArticle(doc_id, source, fmt, url, text, is_html, json.dumps(metadata, ensure_ascii=False) if metadata else None)


def _read_jsonl(text: str, source: str) -> Iterator[Record]:
    seen: set[str] = set()
    for line_number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        line_source = f"{source}:{line_number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield InputError(line_source, "broken_json", f"line {line_number}: {error}")
            continue
        if not isinstance(record, dict):
            yield InputError(line_source, "broken_json", f"line {line_number}: expected an object, got {type(record).__name__}")
            continue
        yield from _record(record, source, line_source, seen)


def _read_parquet(file: Path, source: str) -> Iterator[Record]:
    try:
        parquet = pq.ParquetFile(file)
    except Exception as error:  # pyarrow raises several types for a damaged file
        yield InputError(source, "unreadable", f"not a readable Parquet file: {error}")
        return
    columns = set(parquet.schema_arrow.names)
    if "id" not in columns or not columns & {"text", "html"}:
        yield InputError(source, "missing_columns", f"needs columns id and text or html; has {sorted(columns)}")
        return
    seen: set[str] = set()
    for batch in parquet.iter_batches(batch_size=1000):
        for row_number, record in enumerate(batch.to_pylist()):
            yield from _record(record, source, f"{source}:row{row_number}", seen)


def _record(record: dict, source: str, fallback_source: str, seen: set[str]) -> Iterator[Record]:
    """One article from a JSON line or Parquet row: `id`, `text` or `html`, optional `url` and metadata."""
    given_id = record.get("id")
    if given_id is None or isinstance(given_id, (dict, list)):
        yield InputError(fallback_source, "missing_id", "the record has no usable `id`")
        return
    record_source = f"{source}#{given_id}"
    if record_source in seen:
        yield InputError(record_source, "duplicate_id", f"id {given_id!r} appears again; the first one is kept", make_doc_id(record_source))
        return
    seen.add(record_source)
    html, text = record.get("html"), record.get("text")
    body = text if text is not None else html
    if not isinstance(body, str):
        kind = "missing_text" if body is None else "wrong_type"
        yield InputError(record_source, kind, f"`text` or `html` must be a string, got {type(body).__name__}", make_doc_id(record_source))
        return
    url = record.get("url") if isinstance(record.get("url"), str) else None
    metadata = {key: record[key] for key in METADATA_KEYS if record.get(key) is not None}
    yield from _article(record_source, "jsonl" if not source.endswith(".parquet") else "parquet", url, body, text is None, metadata)
