"""Wire the stages together over shards; the stages themselves know nothing about scheduling.

`process_shard` is the one unit of work: raw records in, every table's part file out, completion
marker last. The local process pool maps it over shards; another executor (Dask) can map the same
function.
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from functools import partial
from itertools import islice
from pathlib import Path

import pyarrow as pa
import spacy
from tqdm import tqdm

from pipeline import __version__, clean, entities, schema, sentences, tables
from pipeline.readers import InputError, RawArticle, Record, read_inputs

STAGE_ORDER = ("clean", "sentences", "entities")
STAGE_MODULES = {"clean": clean, "sentences": sentences, "entities": entities}
MARKERS = "_shards"
MANIFEST = "manifest.json"


class UsageError(Exception):
    """A mistake in how the pipeline was called; reported as one line."""


@dataclass(frozen=True)
class Settings:
    out: Path
    stages: tuple[str, ...]
    ner_model: Path


@dataclass
class ShardResult:
    shard: int
    rows: dict[str, int] = field(default_factory=dict)
    words: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)


def check_stages(stages: Iterable[str], available: Iterable[str] = ()) -> tuple[str, ...]:
    """Put stages in pipeline order and check that what each one requires is produced or on disk."""
    stages = tuple(stages)
    unknown = [name for name in stages if name not in STAGE_MODULES]
    if unknown:
        raise UsageError(f"unknown stage {', '.join(unknown)}; choose from {', '.join(STAGE_ORDER)}")
    ordered = tuple(name for name in STAGE_ORDER if name in stages)
    provided = {"raw", "documents", *available}
    for name in ordered:
        missing = [table for table in STAGE_MODULES[name].REQUIRES if table not in provided]
        if missing:
            raise UsageError(f"stage {name} needs {', '.join(missing)}: add the stage that makes it")
        provided.update(STAGE_MODULES[name].PROVIDES)
    return ordered


def stage_function(name: str, settings: Settings) -> Callable[[dict[str, pa.Table]], dict[str, pa.Table]]:
    if name == "entities":
        return partial(entities.run, model=settings.ner_model)
    return STAGE_MODULES[name].run


def process_shard(shard: int, records: list[Record], settings: Settings) -> ShardResult:
    """Run the stages over one shard of records and write its part of every table, marker last."""
    result = ShardResult(shard)
    raw = schema.from_rows([vars(r) for r in records if isinstance(r, RawArticle)], schema.RAW)
    errors = [schema.from_rows([vars(r) for r in records if isinstance(r, InputError)], schema.ERRORS)]
    produced: dict[str, pa.Table] = {"raw": raw}
    if "clean" not in settings.stages:
        produced.update(clean.passthrough(produced))
    for name in settings.stages:
        started = time.perf_counter()
        output = stage_function(name, settings)(produced)
        errors.append(output.pop("errors", schema.ERRORS.empty_table()))
        produced.update(output)
        result.seconds[name] = time.perf_counter() - started
    produced["errors"] = pa.concat_tables(errors)
    for name in schema.TABLES:
        if name in produced:
            tables.write_part(settings.out, name, shard, produced[name])
            result.rows[name] = produced[name].num_rows
    result.words = sum(produced["documents"].column("n_words").to_pylist())
    result.errors = dict(Counter(produced["errors"].column("kind").to_pylist()))
    _write_marker(settings.out, result)
    return result


def rerun_shard(shard: int, names: tuple[str, ...], settings: Settings) -> ShardResult:
    """Re-run stages on one shard from the tables of an earlier run; only their tables are replaced."""
    result = ShardResult(shard)
    needed = {table for name in names for table in STAGE_MODULES[name].REQUIRES} - {"raw"}
    produced = {name: tables.read_part(settings.out, name, shard) for name in needed | {"documents", "errors"}}
    if "clean" in names:
        produced["raw"] = clean.from_blocks(tables.read_part(settings.out, "blocks", shard), produced["documents"])
    new_errors = []
    for name in names:
        started = time.perf_counter()
        output = stage_function(name, settings)(produced)
        new_errors.append(output.pop("errors", schema.ERRORS.empty_table()))
        produced.update(output)
        result.seconds[name] = time.perf_counter() - started
    kept = [row for row in produced["errors"].to_pylist() if row["stage"] not in names]
    produced["errors"] = pa.concat_tables([schema.from_rows(kept, schema.ERRORS), *new_errors])
    written = {table for name in names for table in STAGE_MODULES[name].PROVIDES} | {"errors"}
    for name in written:
        tables.write_part(settings.out, name, shard, produced[name])
        result.rows[name] = produced[name].num_rows
    result.words = sum(produced["documents"].column("n_words").to_pylist())
    result.errors = dict(Counter(produced["errors"].column("kind").to_pylist()))
    _write_marker(settings.out, result)
    return result


def shards(records: Iterable[Record], shard_size: int) -> Iterator[list[Record]]:
    iterator = iter(records)
    while batch := list(islice(iterator, shard_size)):
        yield batch


def run(inputs: list[Path], settings: Settings, workers: int = 1, shard_size: int = 1000, command: str = "") -> dict:
    """The batch job: read inputs, process every shard, write the manifest, return the summary."""
    missing = [str(path) for path in inputs if not path.exists()]
    if missing:
        raise UsageError(f"input not found: {', '.join(missing)}")
    check_stages(settings.stages)
    _remove_previous_outputs(settings.out)
    started = time.perf_counter()
    results = _map_shards(process_shard, enumerate(shards(read_inputs(inputs), shard_size)), settings, workers)
    return _finish(settings, results, time.perf_counter() - started, command, "run")


def rerun(names: tuple[str, ...], settings: Settings, workers: int = 1, command: str = "") -> dict:
    """`berita stage`: re-run stages from the tables in settings.out, shard by shard."""
    found = tables.list_shards(settings.out, "documents")
    if not found:
        raise UsageError(f"no tables in {settings.out}: run `berita run` first")
    available = [name for name in schema.TABLES if tables.list_shards(settings.out, name) == found]
    if "clean" in names and "blocks" not in available:
        raise UsageError(f"{settings.out} has no blocks table (made without the clean stage): nothing to clean from")
    check_stages(names, available=available)
    started = time.perf_counter()
    results = _map_shards(rerun_shard, ((shard, names) for shard in found), settings, workers)
    return _finish(settings, results, time.perf_counter() - started, command, "stage")


def _map_shards(function: Callable, jobs: Iterable[tuple[int, object]], settings: Settings, workers: int) -> list[ShardResult]:
    """Run shard jobs in this process or a process pool, with a progress bar; worker errors propagate."""
    results = []
    progress = tqdm(desc="shards", unit="shard", file=sys.stderr, disable=None)
    if workers <= 1:
        for shard, payload in jobs:
            results.append(function(shard, payload, settings))
            progress.update()
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            pending = set()
            for shard, payload in jobs:
                pending.add(pool.submit(function, shard, payload, settings))
                if len(pending) >= 2 * workers:
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    results.extend(future.result() for future in done)
                    progress.update(len(done))
            for future in pending:
                results.append(future.result())
                progress.update()
    progress.close()
    return sorted(results, key=lambda result: result.shard)


def _remove_previous_outputs(out: Path) -> None:
    """A new run replaces this pipeline's own tables in OUT, and nothing else there."""
    for name in schema.TABLES:
        shutil.rmtree(tables.table_dir(out, name), ignore_errors=True)
    shutil.rmtree(out / MARKERS, ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)


def _write_marker(out: Path, result: ShardResult) -> None:
    marker = out / MARKERS / f"part-{result.shard:05d}.json"
    marker.parent.mkdir(parents=True, exist_ok=True)
    temporary = marker.with_suffix(".tmp")
    temporary.write_text(json.dumps(asdict(result)))
    temporary.replace(marker)


def _finish(settings: Settings, results: list[ShardResult], seconds: float, command: str, mode: str) -> dict:
    rows: Counter = Counter()
    errors: Counter = Counter()
    stage_seconds: Counter = Counter()
    for result in results:
        rows.update(result.rows)
        errors.update(result.errors)
        stage_seconds.update(result.seconds)
    words = sum(result.words for result in results)
    summary = {
        "package_version": __version__,
        "schema_version": schema.SCHEMA_VERSION,
        "mode": mode,
        "command": command,
        "out": str(settings.out),
        "finished_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "stages": list(settings.stages),
        "models": _models(settings),
        "shards": len(results),
        "rows": dict(rows),
        "errors_by_kind": dict(errors),
        "stage_seconds": {name: round(value, 3) for name, value in stage_seconds.items()},
        "seconds": round(seconds, 3),
        "words": words,
        "words_per_second": round(words / seconds) if seconds else None,
    }
    (settings.out / MANIFEST).write_text(json.dumps(summary, indent=2, ensure_ascii=False))
    return summary


def _models(settings: Settings) -> dict:
    models = {}
    if "sentences" in settings.stages:
        models["sentences"] = {"name": "rules:indonesian_sentences", "spacy": spacy.__version__}
    if "entities" in settings.stages:
        nlp = entities.load_model(settings.ner_model)
        models["entities"] = {"name": entities.model_name(nlp), "path": str(settings.ner_model)}
    return models
