"""Corpus-scale behaviour: every kind of bad input, kill and resume, Dask, thousands of files."""

from __future__ import annotations

import codecs
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline import schema, tables
from tests.conftest import SEEDS, berita

SEED_TEXT = (SEEDS / "003_9eb2901acefde306.txt").read_text(encoding="utf-8")
BODY = SEED_TEXT.split("\n")[3]  # a real body paragraph
ENGLISH = (
    "WASHINGTON (AP) — The White House said on Thursday that North Korea is covertly supplying Russia "
    "with artillery shells for its war in Ukraine, and that the United States is monitoring whether the "
    "shipments were received. The officials did not say how many shells had been sent."
)
MALAY = (
    "KUALA LUMPUR: Kerajaan akan memastikan bekalan minyak masak mencukupi selepas harga meningkat "
    "sebanyak lima peratus, kata menteri itu. Beliau berkata polis dan jabatan berkaitan boleh mengambil "
    "tindakan terhadap syarikat yang menyorok bekalan kerana ia menjejaskan rakyat."
)
KEYS = {
    "documents": ["doc_id"], "blocks": ["doc_id", "block_index"], "sentences": ["doc_id", "sent_index"],
    "tokens": ["doc_id", "sent_index", "token_index"], "entities": ["doc_id", "ent_index"],
    "errors": ["source", "stage", "kind"],
}


def read_sorted(out: Path, name: str) -> pd.DataFrame:
    return pd.read_parquet(out / f"{name}.parquet").sort_values(KEYS[name]).reset_index(drop=True)


@pytest.fixture(scope="module")
def bad_out(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad")
    (folder / "utf16.txt").write_bytes(codecs.BOM_UTF16_LE + SEED_TEXT.encode("utf-16-le"))
    (folder / "utf8_bom.txt").write_bytes(codecs.BOM_UTF8 + SEED_TEXT.encode("utf-8"))
    (folder / "cp1252.txt").write_bytes(SEED_TEXT.replace("\"", "“", 1).replace("\"", "”", 1).encode("cp1252"))
    (folder / "control.txt").write_text(SEED_TEXT.replace("Gedung Putih mengatakan", "Gedung\x1b Putih\x07mengatakan", 1))
    (folder / "png.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "huge.txt").write_text((BODY + " ") * (20_000_000 // (len(BODY) + 1)))
    (folder / "empty_page.html").write_text("<html><head><title></title></head><body><nav><a href='/'>Beranda</a></nav></body></html>")
    (folder / "english.txt").write_text(ENGLISH)
    (folder / "malay.txt").write_text(MALAY)
    (folder / "dangling.txt").symlink_to(folder / "no_such_file.txt")
    pq.write_table(pa.table({"identifier": ["x"], "content": ["teks"]}), folder / "wrong_columns.parquet")
    pq.write_table(pa.table({"id": ["p1", "p2"], "text": [SEED_TEXT, "  "]}), folder / "articles.parquet")
    out = tmp_path_factory.mktemp("bad_out")
    result = berita("run", str(folder), "--out", str(out))
    return out, result


def test_every_bad_input_becomes_an_error_row_and_the_run_goes_on(bad_out):
    out, result = bad_out
    errors = pd.read_parquet(out / "errors.parquet")
    kinds = {(row.source, row.kind, row.severity) for row in errors.itertuples()}
    assert ("png.txt", "binary", "error") in kinds
    assert ("cp1252.txt", "encoding", "warning") in kinds
    assert ("control.txt", "control_characters", "warning") in kinds
    assert ("huge.txt", "too_long", "error") in kinds
    assert ("empty_page.html", "no_article") in {(source, kind) for source, kind, _ in kinds}
    assert ("dangling.txt", "unreadable", "error") in kinds
    assert ("wrong_columns.parquet", "missing_columns", "error") in kinds
    assert ("articles.parquet#p2", "empty", "error") in kinds
    assert "errors" in result.stdout and "too_long: 1" in result.stdout


def test_decodable_inputs_give_the_same_clean_text(bad_out):
    out, _ = bad_out
    documents = pd.read_parquet(out / "documents.parquet").set_index("source")
    expected = documents.loc["articles.parquet#p1", "text"]
    assert documents.loc["utf16.txt", "text"] == expected
    assert documents.loc["utf8_bom.txt", "text"] == expected
    assert documents.loc["cp1252.txt", "text"].replace("“", "\"").replace("”", "\"") == expected
    assert documents.loc["control.txt", "text"] == expected  # control characters became spaces, then folded


def test_languages_are_flagged_not_failed(bad_out):
    out, _ = bad_out
    language = pd.read_parquet(out / "documents.parquet").set_index("source")["language"]
    assert (language["english.txt"], language["malay.txt"], language["utf16.txt"]) == ("en", "ms", "id")


def test_huge_document_is_kept_in_documents_without_sentences(bad_out):
    out, _ = bad_out
    documents = pd.read_parquet(out / "documents.parquet").set_index("source")
    huge = documents.loc["huge.txt", "doc_id"]
    assert documents.loc["huge.txt", "n_words"] > 1_000_000
    assert huge not in set(pd.read_parquet(out / "sentences.parquet")["doc_id"])


def corpus(folder: Path, articles: int) -> Path:
    folder.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for index in range(articles):
        text = seeds[index % len(seeds)].read_text(encoding="utf-8")
        (folder / f"article_{index:04d}.txt").write_text(f"{text}\nKode artikel {index}.")
    return folder


def test_killed_run_resumes_to_the_same_tables(tmp_path):
    inputs = corpus(tmp_path / "in", 60)
    reference = tmp_path / "reference"
    berita("run", str(inputs), "--out", str(reference), "--shard-size", "4")
    resumed = tmp_path / "resumed"
    process = subprocess.Popen([sys.executable, "-m", "pipeline", "run", str(inputs), "--out", str(resumed), "--shard-size", "4"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while len(list((resumed / "_shards").glob("part-*.json"))) < 3 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    assert process.poll() is None, "the run finished before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    done_before = len(list((resumed / "_shards").glob("part-*.json")))
    assert 3 <= done_before < 15
    summary = berita("run", str(inputs), "--out", str(resumed), "--shard-size", "4").stdout
    assert f"({done_before} finished earlier, skipped)" in summary
    for name in KEYS:
        frame = read_sorted(resumed, name)
        pd.testing.assert_frame_equal(frame, read_sorted(reference, name))
        assert not frame.duplicated(KEYS[name]).any() or name == "errors"


def test_changed_input_is_redone_and_fewer_shards_leave_no_stale_parts(tmp_path):
    inputs = corpus(tmp_path / "in", 12)
    out = tmp_path / "out"
    berita("run", str(inputs), "--out", str(out), "--shard-size", "4", "--stages", "clean")
    changed = inputs / "article_0003.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nKalimat tambahan yang baru ditulis.")
    (inputs / "article_0011.txt").unlink()
    (inputs / "article_0010.txt").unlink()
    (inputs / "article_0009.txt").unlink()
    (inputs / "article_0008.txt").unlink()
    summary = berita("run", str(inputs), "--out", str(out), "--shard-size", "4", "--stages", "clean").stdout
    assert "(1 finished earlier, skipped)" in summary
    documents = pd.read_parquet(out / "documents.parquet")
    assert len(documents) == 8
    assert tables.list_shards(out, "documents") == [0, 1]
    assert documents.set_index("source").loc["article_0003.txt", "text"].endswith("Kalimat tambahan yang baru ditulis.")


def test_dask_local_cluster_gives_the_same_tables(seed_out, tmp_path):
    berita("run", str(SEEDS), "--out", str(tmp_path), "--executor", "dask", "--workers", "2", "--shard-size", "2")
    for name in ("documents", "blocks", "sentences", "tokens", "entities"):
        pd.testing.assert_frame_equal(read_sorted(tmp_path, name), read_sorted(seed_out, name))


def test_ten_thousand_tiny_files(tmp_path):
    folder = tmp_path / "tiny"
    folder.mkdir()
    sentences = [s for s in BODY.split(". ") if s]
    for index in range(10_000):
        (folder / f"{index:05d}.txt").write_text(f"Berita {index}\n{sentences[index % len(sentences)]}.")
    out = tmp_path / "out"
    berita("run", str(folder), "--out", str(out), "--stages", "clean,sentences", "--workers", "2")
    documents = pd.read_parquet(out / "documents.parquet", columns=["source"])
    assert len(documents) == 10_000 and documents["source"].is_unique
    assert tables.list_shards(out, "sentences") == list(range(10))


def test_stage_refuses_tables_of_another_schema_version(seed_out, tmp_path):
    out = tmp_path / "copy"
    subprocess.run(["cp", "-r", str(seed_out), str(out)], check=True)
    part = tables.part_path(out, "tokens", 0)
    table = pq.read_table(part)
    pq.write_table(table.replace_schema_metadata({tables.SCHEMA_VERSION_KEY: b"0"}), part)
    result = berita("stage", "entities", "--out", str(out), check=False)
    assert result.returncode != 0 and "schema version 0" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_stage_refuses_missing_tables(seed_out, tmp_path):
    out = tmp_path / "copy"
    subprocess.run(["cp", "-r", str(seed_out), str(out)], check=True)
    subprocess.run(["rm", "-r", str(out / "tokens.parquet")], check=True)
    result = berita("stage", "entities", "--out", str(out), check=False)
    assert result.returncode != 0 and "needs tokens" in result.stderr


def test_manifest_counts_match_the_tables(seed_out):
    manifest = json.loads((seed_out / "manifest.json").read_text())
    for name in schema.TABLES:
        assert manifest["rows"][name] == len(pd.read_parquet(seed_out / f"{name}.parquet")), name
