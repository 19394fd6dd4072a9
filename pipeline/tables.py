"""Where tables live on disk: one dataset folder per table, one part file per shard.

`OUT/<table>.parquet/part-00007.parquet` is what both `pd.read_parquet(OUT / "<table>.parquet")` and
`pyarrow.dataset` read as one table. Parts are written under a temporary name and renamed, so a
reader or a killed run never sees half a file.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline import schema

PART = re.compile(r"^part-(\d{5})\.parquet$")
SCHEMA_VERSION_KEY = b"berita.schema_version"


class TableError(Exception):
    """A table needed for a stage is missing or was written by an incompatible version."""


def table_dir(out: Path, name: str) -> Path:
    return out / f"{name}.parquet"


def part_path(out: Path, name: str, shard: int) -> Path:
    return table_dir(out, name) / f"part-{shard:05d}.parquet"


def write_part(out: Path, name: str, shard: int, table: pa.Table) -> Path:
    target = part_path(out, name, shard)
    target.parent.mkdir(parents=True, exist_ok=True)
    metadata = dict(schema.TABLES[name].metadata or {}) | {SCHEMA_VERSION_KEY: schema.SCHEMA_VERSION.encode()}
    table = table.cast(schema.TABLES[name]).replace_schema_metadata(metadata)
    temporary = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    pq.write_table(table, temporary, compression="zstd")
    os.replace(temporary, target)
    return target


def read_part(out: Path, name: str, shard: int) -> pa.Table:
    path = part_path(out, name, shard)
    if not path.is_file():
        raise TableError(f"{path} is missing: run the stage that writes `{name}` first")
    table = pq.read_table(path)
    version = (table.schema.metadata or {}).get(SCHEMA_VERSION_KEY, b"?").decode()
    if version != schema.SCHEMA_VERSION:
        raise TableError(f"{path} has schema version {version}, this pipeline reads {schema.SCHEMA_VERSION}: re-run `berita run`")
    return table


def list_shards(out: Path, name: str) -> list[int]:
    folder = table_dir(out, name)
    if not folder.is_dir():
        return []
    return sorted(int(match[1]) for path in folder.iterdir() if (match := PART.match(path.name)))
