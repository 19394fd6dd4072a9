"""Every Arrow schema the pipeline reads or writes, in one place.

Offsets (`start`, `end`) are character offsets into `documents.text`, end exclusive, so that
`documents.text[start:end] == text` holds for every sentence, token and entity. `raw_start` and
`raw_end` are offsets into the raw input text (for HTML: into the text trafilatura extracted).
"""

from __future__ import annotations

import pyarrow as pa

# Bump when a column is added, removed or changes meaning: `berita stage` refuses tables of
# another version instead of mixing them.
SCHEMA_VERSION = "2"

RAW = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("source", pa.string(), nullable=False),
        pa.field("format", pa.string(), nullable=False),  # txt, html, jsonl, parquet
        pa.field("url", pa.string()),
        pa.field("raw_text", pa.string(), nullable=False),
        pa.field("is_html", pa.bool_(), nullable=False),
        pa.field("given_metadata", pa.string()),  # JSON object of metadata the input supplied
    ]
)

DOCUMENTS = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("source", pa.string(), nullable=False),
        pa.field("format", pa.string(), nullable=False),
        pa.field("url", pa.string()),
        pa.field("outlet", pa.string()),
        pa.field("title", pa.string()),
        pa.field("published_at", pa.timestamp("us", tz="UTC")),
        pa.field("published_tz", pa.string()),  # the zone the article gave: WIB, WITA, WIT, ...
        pa.field("dateline", pa.string()),
        pa.field("authors", pa.list_(pa.string())),
        pa.field("editor", pa.string()),
        pa.field("agency", pa.string()),
        pa.field("text", pa.string(), nullable=False),
        pa.field("n_words", pa.int32(), nullable=False),
        pa.field("language", pa.string(), nullable=False),  # id, ms, en or und (undetermined)
        pa.field("n_blocks_dropped", pa.int32()),
    ]
)

BLOCKS = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("block_index", pa.int32(), nullable=False),
        pa.field("line", pa.int32(), nullable=False),  # raw line number; a line cut around an insert has several blocks
        pa.field("raw_start", pa.int64(), nullable=False),
        pa.field("raw_end", pa.int64(), nullable=False),
        pa.field("text", pa.string(), nullable=False),
        pa.field("label", pa.string(), nullable=False),
        pa.field("keep", pa.bool_(), nullable=False),
        pa.field("reason", pa.string(), nullable=False),
        pa.field("start", pa.int64()),  # where the kept block stands in documents.text
        pa.field("end", pa.int64()),
    ]
)

SENTENCES = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("sent_index", pa.int32(), nullable=False),
        pa.field("start", pa.int64(), nullable=False),
        pa.field("end", pa.int64(), nullable=False),
        pa.field("text", pa.string(), nullable=False),
        pa.field("n_tokens", pa.int32(), nullable=False),
    ]
)

TOKENS = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("sent_index", pa.int32(), nullable=False),
        pa.field("token_index", pa.int32(), nullable=False),  # within the sentence
        pa.field("start", pa.int64(), nullable=False),
        pa.field("end", pa.int64(), nullable=False),
        pa.field("text", pa.string(), nullable=False),
        pa.field("lemma", pa.string()),
        pa.field("upos", pa.string()),
        pa.field("is_punct", pa.bool_(), nullable=False),
    ]
)

ENTITIES = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("ent_index", pa.int32(), nullable=False),  # within the document
        pa.field("sent_index", pa.int32(), nullable=False),
        pa.field("start", pa.int64(), nullable=False),
        pa.field("end", pa.int64(), nullable=False),
        pa.field("token_start", pa.int32(), nullable=False),  # within the sentence, end exclusive
        pa.field("token_end", pa.int32(), nullable=False),
        pa.field("text", pa.string(), nullable=False),
        pa.field("label", pa.string(), nullable=False),  # PER, ORG, LOC
        pa.field("source", pa.string(), nullable=False),  # model name and version
        # One name per entity, the same string across documents: "Shoigu" -> "Sergei Shoigu",
        # "AS" -> "Amerika Serikat". `resolved_by` says how (see pipeline/canonical.py).
        pa.field("canonical", pa.string(), nullable=False),
        pa.field("resolved_by", pa.string(), nullable=False),
    ]
)

# One row per entity per document: what co-mention and frequency analyses start from.
MENTIONS = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("canonical", pa.string(), nullable=False),
        pa.field("label", pa.string(), nullable=False),
        pa.field("count", pa.int32(), nullable=False),
        pa.field("first_start", pa.int64(), nullable=False),  # offset of the first mention in documents.text
        pa.field("sent_indexes", pa.list_(pa.int32()), nullable=False),  # sorted, distinct
        pa.field("forms", pa.list_(pa.string()), nullable=False),  # distinct surface forms, first seen first
    ]
)

QUOTES = pa.schema(
    [
        pa.field("doc_id", pa.string(), nullable=False),
        pa.field("quote_index", pa.int32(), nullable=False),  # within the document
        pa.field("sent_index", pa.int32(), nullable=False),  # sentence where the quote starts
        pa.field("start", pa.int64(), nullable=False),  # the quoted words, without quote marks
        pa.field("end", pa.int64(), nullable=False),
        pa.field("text", pa.string(), nullable=False),
        pa.field("kind", pa.string(), nullable=False),  # direct (in quote marks) or indirect (reported)
        pa.field("cue", pa.string()),  # the word that says it is speech: kata, ujar, mengatakan, menurut ...
        pa.field("speaker", pa.string()),  # speaker as written, null when the text does not say
        pa.field("speaker_start", pa.int64()),
        pa.field("speaker_end", pa.int64()),
        pa.field("speaker_canonical", pa.string()),  # entities.canonical of the speaker, when it is an entity
        pa.field("speaker_label", pa.string()),
        pa.field("speaker_ent_index", pa.int32()),  # joins entities on (doc_id, ent_index)
        pa.field("speaker_resolved_by", pa.string()),  # how the speaker was found (see pipeline/quotes.py)
    ]
)

ERRORS = pa.schema(
    [
        pa.field("source", pa.string(), nullable=False),
        pa.field("doc_id", pa.string()),
        pa.field("stage", pa.string(), nullable=False),  # read, clean, sentences, entities
        pa.field("kind", pa.string(), nullable=False),
        pa.field("severity", pa.string(), nullable=False),  # error: input skipped; warning: kept
        pa.field("message", pa.string(), nullable=False),
    ]
)

TABLES: dict[str, pa.Schema] = {
    "documents": DOCUMENTS,
    "blocks": BLOCKS,
    "sentences": SENTENCES,
    "tokens": TOKENS,
    "entities": ENTITIES,
    "mentions": MENTIONS,
    "quotes": QUOTES,
    "errors": ERRORS,
}


def from_rows(rows: list[dict], schema: pa.Schema) -> pa.Table:
    """Build a table from row dicts; keys outside the schema are ignored, missing ones are null."""
    return pa.Table.from_pylist(rows, schema=schema)
