"""Clean stage: label every line of a raw article, keep the article's own text, extract metadata.

Each line (or part of a line, when an insert is cut out of a paragraph) becomes a block with a
label, a keep flag and the rule that decided (`reason`), so a user can see why anything went and
nothing is lost. The rules are in `pipeline.boilerplate`. HTML goes through trafilatura first; its
text is then labelled the same way.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pyarrow as pa
import trafilatura

from pipeline import schema
from pipeline.boilerplate import Block, Metadata, label_blocks, split_blocks
from pipeline.language import detect_language

NAME = "clean"
REQUIRES = ("raw",)
PROVIDES = ("documents", "blocks")


def run(tables: dict[str, pa.Table]) -> dict[str, pa.Table]:
    """raw -> documents, blocks (+ warnings in errors)."""
    documents, blocks, errors = [], [], []
    for article in tables["raw"].to_pylist():
        text, extracted = article["raw_text"], {}
        if article["is_html"]:
            text, extracted = extract_html(article["raw_text"])
            if not text.strip():
                errors.append(_error(article, "no_article", "trafilatura found no article text in the HTML"))
                continue
        document, article_blocks = clean_article(text)
        given = json.loads(article["given_metadata"]) if article["given_metadata"] else {}
        row = _document_row(article, document, extracted | given)
        row["n_blocks_dropped"] = sum(not block.keep and block.label != "blank" for block, _ in article_blocks)
        if not row["text"]:
            errors.append(_error(article, "no_article", "every line was labelled as boilerplate; the document has no text", severity="warning"))
        documents.append(row)
        blocks.extend(_block_row(article["doc_id"], block, start) for block, start in article_blocks)
    return {
        "documents": schema.from_rows(documents, schema.DOCUMENTS),
        "blocks": schema.from_rows(blocks, schema.BLOCKS),
        "errors": schema.from_rows(errors, schema.ERRORS),
    }


def passthrough(tables: dict[str, pa.Table]) -> dict[str, pa.Table]:
    """raw -> documents, blocks for input that is clean already (`--stages` without clean): text as given,
    every line a kept body block."""
    documents, blocks = [], []
    for article in tables["raw"].to_pylist():
        given = json.loads(article["given_metadata"]) if article["given_metadata"] else {}
        documents.append(_document_row(article, (article["raw_text"], Metadata()), given))
        for block in split_blocks(article["raw_text"]):
            if block.clean:
                block.set("body", "given_as_clean")
                blocks.append(_block_row(article["doc_id"], block, block.raw_start) | {"end": block.raw_end})  # the text is not re-spaced
            else:
                block.set("blank", "empty_line")
                blocks.append(_block_row(article["doc_id"], block, None))
    return {"documents": schema.from_rows(documents, schema.DOCUMENTS), "blocks": schema.from_rows(blocks, schema.BLOCKS)}


def from_blocks(blocks: pa.Table, documents: pa.Table) -> pa.Table:
    """Rebuild the raw table from the blocks of an earlier run, so `berita stage clean` needs no input.

    Blocks tile the raw text: a new line between lines, spaces where an insert was cut from a line.
    """
    parts: dict[str, list[str]] = {}
    previous: dict[str, tuple[int, int]] = {}
    for row in blocks.select(["doc_id", "line", "raw_start", "raw_end", "text"]).to_pylist():
        doc_id = row["doc_id"]
        if doc_id in previous:
            line, end = previous[doc_id]
            parts[doc_id].append("\n" if row["line"] != line else " " * (row["raw_start"] - end))
        parts.setdefault(doc_id, []).append(row["text"])
        previous[doc_id] = (row["line"], row["raw_end"])
    rows = []
    for document in documents.select(["doc_id", "source", "format", "url"]).to_pylist():
        if document["doc_id"] in parts:
            rows.append(document | {"raw_text": "".join(parts[document["doc_id"]]), "is_html": False})
    return schema.from_rows(rows, schema.RAW)


def extract_html(html: str) -> tuple[str, dict]:
    """Main text and metadata of an HTML page; the title is put first so it is labelled like plain text."""
    result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    if result is None:
        return "", {}
    found = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    body = found.get("text") or ""
    title = found.get("title")
    metadata = {
        "title": title,
        "url": found.get("url"),
        "outlet": found.get("sitename") or found.get("hostname"),
        "authors": [name.strip() for name in found["author"].split(";")] if found.get("author") else None,
    }
    text = f"{title}\n{body}" if title and not body.startswith(title) else body
    return text, {key: value for key, value in metadata.items() if value}


def clean_article(text: str) -> tuple[tuple[str, Metadata], list[tuple[Block, int | None]]]:
    """Label one article; return (clean text, metadata) and each block with its offset in that text.

    Kept blocks of one line are joined by a space, lines by a newline.
    """
    blocks, metadata = label_blocks(text)
    parts: list[str] = []
    placed: list[tuple[Block, int | None]] = []
    offset, last_line = 0, None
    for block in blocks:
        if not block.keep or not block.clean:
            placed.append((block, None))
            continue
        if parts:
            separator = " " if block.line == last_line else "\n"
            parts.append(separator)
            offset += 1
        parts.append(block.clean)
        placed.append((block, offset))
        offset += len(block.clean)
        last_line = block.line
    return ("".join(parts), metadata), placed


def _document_row(article: dict, cleaned: tuple[str, Metadata], given: dict) -> dict:
    text, metadata = cleaned
    found = {key: value for key, value in vars(metadata).items() if value is not None}
    merged = found | given  # what the input states beats what we parsed
    published = merged.get("published_at")
    if isinstance(published, str):
        published = _parse_iso(published)
    return {
        "doc_id": article["doc_id"],
        "source": article["source"],
        "format": article["format"],
        "url": article["url"] or merged.get("url"),
        "outlet": merged.get("outlet"),
        "title": merged.get("title"),
        "published_at": published,
        "published_tz": merged.get("published_tz"),
        "dateline": merged.get("dateline"),
        "authors": merged.get("authors") or [],
        "editor": merged.get("editor"),
        "agency": merged.get("agency"),
        "text": text,
        "n_words": len(text.split()),
        "language": detect_language(text),
    }


def _parse_iso(value: str) -> datetime | None:
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone(timedelta(hours=7)))


def _block_row(doc_id: str, block: Block, start: int | None) -> dict:
    return {
        "doc_id": doc_id,
        "block_index": block.index,
        "line": block.line,
        "raw_start": block.raw_start,
        "raw_end": block.raw_end,
        "text": block.text,
        "label": block.label,
        "keep": block.keep,
        "reason": block.reason,
        "start": start,
        "end": None if start is None else start + len(block.clean),
    }


def _error(article: dict, kind: str, message: str, severity: str = "error") -> dict:
    return {"source": article["source"], "doc_id": article["doc_id"], "stage": NAME, "kind": kind, "severity": severity, "message": message}
