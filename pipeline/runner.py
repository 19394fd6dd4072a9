"""Wire the stages together over shards; the stages themselves know nothing about scheduling.

`process_shard` is the one unit of work: raw records in, every table's part file out, completion
marker last. An executor (this process, a process pool, Dask) maps it over the shards. A marker
records a digest of the shard's input and of the settings, so a resumed run skips exactly the shards
that are finished for the same input and settings, and redoes everything else.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from functools import partial
from itertools import islice
from pathlib import Path

import pyarrow as pa
import spacy
from tqdm import tqdm

from pipeline import __version__, clean, entities, models, schema, sentences, tables
from pipeline.executors import LocalExecutor
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
    ner_model: Path = models.NER_MODEL
    splitter: str = sentences.DEFAULT_SPLITTER

    def digest(self) -> str:
        """What makes two runs' outputs differ besides their input."""
        parts = [__version__, schema.SCHEMA_VERSION, ",".join(self.stages)]
        if "sentences" in self.stages:
            parts += [self.splitter, models.fingerprint(models.UD_MODEL)]
        if "entities" in self.stages:
            parts.append(models.fingerprint(self.ner_model))
        return hashlib.blake2b("\n".join(parts).encode(), digest_size=8).hexdigest()


@dataclass
class ShardResult:
    shard: int
    input_digest: str = ""
    settings_digest: str = ""
    rows: dict[str, int] = field(default_factory=dict)
    words: int = 0
    seconds: dict[str, float] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)


def check_stages(stages: Iterable[str], available: Iterable[str] | None = None) -> tuple[str, ...]:
    """Put stages in pipeline order and check that what each one requires is produced or, when
    re-running stages, `available` on disk. A fresh run always has blocks: the clean stage makes
    them, or the passthrough of already clean text."""
    stages = tuple(stages)
    unknown = [name for name in stages if name not in STAGE_MODULES]
    if unknown:
        raise UsageError(f"unknown stage {', '.join(unknown)}; choose from {', '.join(STAGE_ORDER)}")
    ordered = tuple(name for name in STAGE_ORDER if name in stages)
    provided = {"raw", "documents", *(("blocks",) if available is None else available)}
    for name in ordered:
        missing = [table for table in STAGE_MODULES[name].REQUIRES if table not in provided]
        if missing:
            raise UsageError(f"stage {name} needs {', '.join(missing)}: add the stage that makes it")
        provided.update(STAGE_MODULES[name].PROVIDES)
    return ordered


def stage_function(name: str, settings: Settings) -> Callable[[dict[str, pa.Table]], dict[str, pa.Table]]:
    if name == "entities":
        return partial(entities.run, model=settings.ner_model)
    if name == "sentences":
        return partial(sentences.run, splitter=settings.splitter)
    return STAGE_MODULES[name].run


def input_digest(records: list[Record]) -> str:
    digest = hashlib.blake2b(digest_size=8)
    for record in records:
        digest.update(json.dumps(vars(record), sort_keys=True, ensure_ascii=False).encode())
    return digest.hexdigest()


def run_stages(names: tuple[str, ...], produced: dict[str, pa.Table], settings: Settings, result: ShardResult) -> list[pa.Table]:
    """Run stages in order on one shard's tables (updated in place); return their error tables."""
    errors = []
    for name in names:
        started = time.perf_counter()
        output = stage_function(name, settings)(produced)
        errors.append(output.pop("errors", schema.ERRORS.empty_table()))
        produced.update(output)
        result.seconds[name] = time.perf_counter() - started
    return errors


def process_shard(shard: int, records: list[Record], settings: Settings) -> ShardResult:
    """Run the stages over one shard of records and write its part of every table, marker last."""
    result = ShardResult(shard, input_digest(records), settings.digest())
    produced: dict[str, pa.Table] = {"raw": schema.from_rows([vars(r) for r in records if isinstance(r, RawArticle)], schema.RAW)}
    if "clean" not in settings.stages:
        produced.update(clean.passthrough(produced))
    errors = [schema.from_rows([vars(r) for r in records if isinstance(r, InputError)], schema.ERRORS)]
    errors += run_stages(settings.stages, produced, settings, result)
    produced["errors"] = pa.concat_tables(errors)
    _write_shard(settings, result, {name: produced[name] for name in schema.TABLES if name in produced}, produced)
    return result


def rerun_shard(shard: int, names: tuple[str, ...], settings: Settings) -> ShardResult:
    """Re-run stages on one shard from the tables of an earlier run; only their tables are replaced."""
    previous = _read_marker(settings.out, shard)
    result = ShardResult(shard, previous.input_digest if previous else "", settings.digest())
    needed = {table for name in names for table in STAGE_MODULES[name].REQUIRES} - {"raw"}
    produced = {name: tables.read_part(settings.out, name, shard) for name in needed | {"documents", "errors"}}
    if "clean" in names:
        produced["raw"] = clean.from_blocks(tables.read_part(settings.out, "blocks", shard), produced["documents"])
    new_errors = run_stages(names, produced, settings, result)
    kept = [row for row in produced["errors"].to_pylist() if row["stage"] not in names]
    produced["errors"] = pa.concat_tables([schema.from_rows(kept, schema.ERRORS), *new_errors])
    written = {table for name in names for table in STAGE_MODULES[name].PROVIDES} | {"errors"}
    _write_shard(settings, result, {name: produced[name] for name in written}, produced)
    return result


def _write_shard(settings: Settings, result: ShardResult, to_write: dict[str, pa.Table], produced: dict[str, pa.Table]) -> None:
    for name, table in to_write.items():
        tables.write_part(settings.out, name, result.shard, table)
    result.rows = {name: produced[name].num_rows for name in schema.TABLES if name in produced}
    result.words = sum(produced["documents"].column("n_words").to_pylist())
    result.errors = dict(Counter(produced["errors"].column("kind").to_pylist()))
    marker = settings.out / MARKERS / f"part-{result.shard:05d}.json"
    marker.parent.mkdir(parents=True, exist_ok=True)
    temporary = marker.with_name(f".{marker.name}.tmp")
    temporary.write_text(json.dumps(asdict(result)))
    temporary.replace(marker)


def _read_marker(out: Path, shard: int) -> ShardResult | None:
    path = out / MARKERS / f"part-{shard:05d}.json"
    try:
        return ShardResult(**json.loads(path.read_text()))
    except (OSError, ValueError, TypeError):
        return None


def shards(records: Iterable[Record], shard_size: int) -> Iterator[list[Record]]:
    iterator = iter(records)
    while batch := list(islice(iterator, shard_size)):
        yield batch


def run(inputs: list[Path], settings: Settings, executor=None, shard_size: int = 1000, resume: bool = True, command: str = "") -> dict:
    """The batch job: read inputs, process every unfinished shard, write the manifest, return the summary."""
    missing = [str(path) for path in inputs if not path.exists()]
    if missing:
        raise UsageError(f"input not found: {', '.join(missing)}")
    check_stages(settings.stages)
    _prepare_output(settings, resume)
    started = time.perf_counter()
    settings_digest = settings.digest()
    finished: list[ShardResult] = []
    count = 0

    def unfinished_jobs() -> Iterator[tuple[int, list[Record]]]:
        nonlocal count
        for shard, records in enumerate(shards(read_inputs(inputs), shard_size)):
            count = shard + 1
            marker = _read_marker(settings.out, shard) if resume else None
            if marker and (marker.input_digest, marker.settings_digest) == (input_digest(records), settings_digest):
                finished.append(marker)
                continue
            yield shard, records

    results = _collect((executor or LocalExecutor()).map(process_shard, unfinished_jobs(), settings))
    _remove_shards_from(settings.out, count)
    return _finish(settings, results, time.perf_counter() - started, command, "run", resumed=finished)


def rerun(names: tuple[str, ...], settings: Settings, executor=None, command: str = "") -> dict:
    """`berita stage`: re-run stages from the tables in settings.out, shard by shard."""
    found = tables.list_shards(settings.out, "documents")
    if not found:
        raise UsageError(f"no tables in {settings.out}: run `berita run` first")
    available = [name for name in schema.TABLES if tables.list_shards(settings.out, name) == found]
    if "clean" in names and "blocks" not in available:
        raise UsageError(f"{settings.out} has no blocks table (made without the clean stage): nothing to clean from")
    check_stages(names, available=available)
    for name in available:  # refuse before any work if a table is of another schema version
        tables.read_part(settings.out, name, found[0])
    started = time.perf_counter()
    results = _collect((executor or LocalExecutor()).map(rerun_shard, ((shard, names) for shard in found), settings))
    return _finish(settings, results, time.perf_counter() - started, command, "stage")


def _collect(results: Iterable[ShardResult]) -> list[ShardResult]:
    collected = []
    with tqdm(desc="shards", unit="shard", file=sys.stderr, disable=None) as progress:
        for result in results:
            collected.append(result)
            progress.update()
    return collected


def _prepare_output(settings: Settings, resume: bool) -> None:
    """Keep what a resumed run can reuse; remove this pipeline's tables that this run will not write.

    Only this pipeline's own files in OUT are touched, never anything else there.
    """
    out = settings.out
    written = {"documents", "errors", *(t for name in settings.stages for t in STAGE_MODULES[name].PROVIDES)}
    for name in schema.TABLES:
        if not resume or name not in written:
            shutil.rmtree(tables.table_dir(out, name), ignore_errors=True)
        else:
            for leftover in tables.table_dir(out, name).glob(".part-*.tmp-*"):
                leftover.unlink()
    if not resume:
        shutil.rmtree(out / MARKERS, ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)


def _remove_shards_from(out: Path, count: int) -> None:
    """Parts and markers of shards an earlier, larger run left behind."""
    for name in schema.TABLES:
        for shard in tables.list_shards(out, name):
            if shard >= count:
                tables.part_path(out, name, shard).unlink()
    for marker in (out / MARKERS).glob("part-*.json"):
        if int(marker.stem.split("-")[1]) >= count:
            marker.unlink()


def _finish(settings: Settings, processed: list[ShardResult], seconds: float, command: str, mode: str, resumed: list[ShardResult] = ()) -> dict:
    """Counts cover every shard of the output; timings and speed only the shards this call processed."""
    rows: Counter = Counter()
    errors: Counter = Counter()
    stage_seconds: Counter = Counter()
    for result in [*processed, *resumed]:
        rows.update(result.rows)
        errors.update(result.errors)
    for result in processed:
        stage_seconds.update(result.seconds)
    words = sum(result.words for result in processed)
    summary = {
        "package_version": __version__,
        "schema_version": schema.SCHEMA_VERSION,
        "mode": mode,
        "command": command,
        "out": str(settings.out),
        "finished_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "stages": list(settings.stages),
        "models": _models(settings),
        "shards": len(processed) + len(resumed),
        "shards_resumed": len(resumed),
        "rows": dict(rows),
        "errors_by_kind": dict(errors),
        "stage_seconds": {name: round(value, 3) for name, value in stage_seconds.items()},
        "seconds": round(seconds, 3),
        "words": words,  # processed by this call
        "words_per_second": round(words / seconds) if seconds else None,
    }
    (settings.out / MANIFEST).write_text(json.dumps(summary, indent=2, ensure_ascii=False))
    return summary


def _models(settings: Settings) -> dict:
    used = {}
    if "sentences" in settings.stages:
        tagger = models.load_spacy(models.UD_MODEL)
        used["sentences"] = {"splitter": settings.splitter, "tagger": models.model_name(tagger), "spacy": spacy.__version__}
    if "entities" in settings.stages:
        nlp = entities.load_ner(settings.ner_model)  # the stage's own copy: loaded once per process
        used["entities"] = {"name": models.model_name(nlp), "path": str(settings.ner_model), "fingerprint": models.fingerprint(settings.ner_model)}
    return used
