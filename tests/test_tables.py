"""Every table: schema, pandas loading, ids that join, offsets that map back to the text."""

from __future__ import annotations

import json

import pyarrow.dataset as ds

from pipeline import schema
from tests.conftest import SEEDS


def test_every_table_has_its_schema(seed_out):
    for name, expected in schema.TABLES.items():
        written = ds.dataset(seed_out / f"{name}.parquet", format="parquet").schema
        assert written.remove_metadata().equals(expected.remove_metadata()), name


def test_one_document_per_seed_with_stable_ids(seed_tables):
    documents = seed_tables["documents"]
    assert sorted(documents["source"]) == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert documents["doc_id"].is_unique
    for table in ("blocks", "sentences", "tokens", "entities"):
        assert set(seed_tables[table]["doc_id"]) <= set(documents["doc_id"]), table


def test_offsets_map_back_to_the_text(seed_tables):
    texts = seed_tables["documents"].set_index("doc_id")["text"]
    for table in ("sentences", "tokens", "entities"):
        frame = seed_tables[table]
        assert len(frame) > 0, table
        for row in frame.itertuples():
            assert texts[row.doc_id][row.start:row.end] == row.text, (table, row)


def test_blocks_account_for_every_raw_character(seed_tables):
    documents = seed_tables["documents"].set_index("doc_id")
    for doc_id, blocks in seed_tables["blocks"].groupby("doc_id"):
        blocks = blocks.sort_values("block_index")
        raw = (SEEDS / documents.loc[doc_id, "source"]).read_text(encoding="utf-8")
        covered = [False] * len(raw)
        for block in blocks.itertuples():
            assert raw[block.raw_start:block.raw_end] == block.text
            covered[block.raw_start:block.raw_end] = [True] * (block.raw_end - block.raw_start)
        assert all(done or char.isspace() for done, char in zip(covered, raw))
        text = documents.loc[doc_id, "text"]
        for block in blocks[blocks["keep"]].itertuples():
            assert text[int(block.start):int(block.end)] == " ".join(block.text.split())


def test_tokens_lie_inside_their_sentence(seed_tables):
    sentences = seed_tables["sentences"].set_index(["doc_id", "sent_index"])
    tokens = seed_tables["tokens"].merge(sentences[["start", "end"]].reset_index(), on=["doc_id", "sent_index"], suffixes=("", "_sent"))
    assert ((tokens["start"] >= tokens["start_sent"]) & (tokens["end"] <= tokens["end_sent"])).all()
    counts = tokens.groupby(["doc_id", "sent_index"]).size()
    assert (counts == sentences["n_tokens"].reindex(counts.index)).all()


def test_manifest_records_the_run(seed_out, seed_tables):
    manifest = json.loads((seed_out / "manifest.json").read_text())
    assert manifest["rows"]["documents"] == len(seed_tables["documents"])
    assert manifest["rows"]["entities"] == len(seed_tables["entities"])
    assert manifest["models"]["entities"]["name"] == seed_tables["entities"]["source"].str.split("+").str[0].iloc[0]
    assert set(manifest["stage_seconds"]) == {"clean", "sentences", "entities"}
