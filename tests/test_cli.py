"""The CLI as a user runs it: bad input, re-running a stage, usage errors, evaluation output."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pyarrow.parquet as pq
import pytest

from tests.conftest import SEEDS, berita, require_data

SEED = SEEDS / "003_9eb2901acefde306.txt"


@pytest.fixture(scope="module")
def bad_folder_out(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad_inputs")
    shutil.copy(SEED, folder / "good.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text(" \n\t\n")
    (folder / "broken.txt").write_bytes(b"%PDF-1.4\x00\x01\x02binary\x00")
    # Latin-1 bytes: not UTF-8, decoded with a warning and processed.
    (folder / "latin1.txt").write_bytes("Menteri Luar Negeri Prancis tiba di Jakarta pada Senin. Café itu ramai dikunjungi warga setempat.".encode("latin-1"))
    lines = [
        json.dumps({"id": "a1", "text": SEED.read_text(encoding="utf-8"), "url": "https://example.org/a1"}),
        "{not json",
        json.dumps({"id": "a2"}),
        json.dumps({"id": "a3", "text": 42}),
        json.dumps({"id": "a1", "text": "duplikat"}),
    ]
    (folder / "batch.jsonl").write_text("\n".join(lines) + "\n")
    out = tmp_path_factory.mktemp("bad_out")
    result = berita("run", str(folder), "--out", str(out))
    return out, result


def test_bad_inputs_become_error_rows_and_the_rest_is_complete(bad_folder_out):
    out, result = bad_folder_out
    errors = pd.read_parquet(out / "errors.parquet")
    documents = pd.read_parquet(out / "documents.parquet")
    by_source = dict(zip(errors["source"], errors["kind"]))
    assert by_source["empty.txt"] == "empty"
    assert by_source["blank.txt"] == "empty"
    assert by_source["broken.txt"] == "binary"
    assert by_source["latin1.txt"] == "encoding"
    assert by_source["batch.jsonl:2"] == "broken_json"
    assert by_source["batch.jsonl#a2"] == "missing_text"
    assert by_source["batch.jsonl#a3"] == "wrong_type"
    assert by_source["batch.jsonl#a1"] == "duplicate_id"
    assert sorted(documents["source"]) == ["batch.jsonl#a1", "good.txt", "latin1.txt"]
    latin1 = documents.set_index("source").loc["latin1.txt", "text"]
    assert "Café" in latin1
    jsonl = documents.set_index("source").loc["batch.jsonl#a1"]
    assert jsonl["url"] == "https://example.org/a1"
    assert jsonl["text"] == documents.set_index("source").loc["good.txt", "text"]
    entities = pd.read_parquet(out / "entities.parquet")
    assert set(entities["doc_id"]) == set(documents["doc_id"])
    assert "errors" in result.stdout and "broken_json: 1" in result.stdout


def test_stage_entities_reproduces_the_entities_table(seed_out, tmp_path):
    out = tmp_path / "copy"
    shutil.copytree(seed_out, out)
    before = {name: pq.read_table(out / f"{name}.parquet") for name in ("documents", "sentences", "tokens", "entities")}
    (out / "entities.parquet" / "part-00000.parquet").unlink()
    result = berita("stage", "entities", "--out", str(out))
    assert "entities" in result.stdout
    for name, table in before.items():
        assert pq.read_table(out / f"{name}.parquet").equals(table), name


def test_stage_clean_downstream_rebuilds_every_table_from_blocks(seed_out, tmp_path):
    out = tmp_path / "copy"
    shutil.copytree(seed_out, out)
    before = {name: pd.read_parquet(out / f"{name}.parquet") for name in ("documents", "blocks", "sentences", "entities")}
    berita("stage", "clean", "--downstream", "--out", str(out))
    for name, frame in before.items():
        pd.testing.assert_frame_equal(pd.read_parquet(out / f"{name}.parquet"), frame)


def test_stages_without_clean_take_the_text_as_given(tmp_path):
    clean = tmp_path / "clean.jsonl"
    clean.write_text(json.dumps({"id": "x", "text": "Juru bicara Gedung Putih John Kirby tiba di Jakarta. Ia bertemu Presiden Joko Widodo."}) + "\n")
    berita("run", str(clean), "--out", str(tmp_path / "out"), "--stages", "sentences,entities")
    documents = pd.read_parquet(tmp_path / "out" / "documents.parquet")
    assert documents["text"].tolist() == ["Juru bicara Gedung Putih John Kirby tiba di Jakarta. Ia bertemu Presiden Joko Widodo."]
    assert len(pd.read_parquet(tmp_path / "out" / "sentences.parquet")) == 2
    blocks = pd.read_parquet(tmp_path / "out" / "blocks.parquet")
    assert blocks[["label", "keep", "reason"]].drop_duplicates().values.tolist() == [["body", True, "given_as_clean"]]
    text = documents["text"].iloc[0]
    assert [text[start:end] for start, end in zip(blocks["start"], blocks["end"])] == blocks["text"].tolist()


def test_two_workers_give_the_same_tables(seed_out, tmp_path):
    berita("run", str(SEEDS), "--out", str(tmp_path), "--workers", "2", "--shard-size", "2")
    for name in ("documents", "sentences", "entities"):
        parallel = pd.read_parquet(tmp_path / f"{name}.parquet")
        assert len(list((tmp_path / f"{name}.parquet").glob("part-*.parquet"))) == 3
        pd.testing.assert_frame_equal(parallel, pd.read_parquet(seed_out / f"{name}.parquet"))


@pytest.mark.parametrize("args, message", [
    (["run", "does/not/exist"], "input not found"),
    (["run", "seeds", "--stages", "entities"], "needs sentences"),
    (["run", "seeds", "--stages", "tagging"], "unknown stage"),
    (["stage", "entities", "--out", "no/such/folder"], "no tables"),
    (["frobnicate"], "invalid choice"),
])
def test_usage_errors_are_one_line(args, message):
    result = berita(*args, check=False)
    assert result.returncode != 0
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


@pytest.mark.parametrize("command", [["--help"], ["run", "--help"], ["stage", "--help"], ["evaluate", "ner", "--help"], ["evaluate", "sentences", "--help"]])
def test_every_command_explains_itself(command):
    assert "usage: berita" in berita(*command).stdout


def test_evaluate_prints_one_json_object():
    gold = require_data("ner", "nerui", "test.01.tsv")
    scores = json.loads(berita("evaluate", "ner", str(gold), "--json").stdout)
    assert 0.5 < scores["f1"] <= 1 and set(scores["per_label"]) == {"PER", "ORG", "LOC"}
    gold = require_data("ud", "id_pud-ud-test.conllu")
    scores = json.loads(berita("evaluate", "sentences", str(gold), "--json").stdout)
    assert scores["sentences"]["f1"] > 0.9
