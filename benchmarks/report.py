"""`build_report` time, page size and peak memory as the collection grows; a screenshot of the seed report.

Runs `berita run seeds/` into a temporary folder, then makes larger collections from those real
tables: document i is a copy of seed i % 5 with a new doc_id, and its blocks, entities, mentions and
quotes rows come along under that id; outlets and publication days are spread (8 outlets, 60 days)
so the groupings have realistic sizes. Parts of 1,000 documents, as `berita run` writes them.
Sentences and tokens are not copied: the report does not read them.

Each size is measured in a fresh process, so the peak resident memory (ru_maxrss, which includes
importing pandas and spaCy) is that size's own; `build_report` runs three times there, and the
table gives the first run and the best of the three. The screenshot is the seed report rendered by
headless Chromium, tall enough to show the article at the end of the page.

    python benchmarks/report.py [--sizes 5,1000,10000,100000] [--png benchmarks/report.png]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd
import pyarrow as pa

from pipeline import tables
from pipeline.report import write_report

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
COPIED = ["documents", "blocks", "entities", "mentions", "quotes"]
OUTLETS = ["kompas.com", "detik.com", "tempo.co", "antaranews.com", "republika.co.id", "cnnindonesia.com", "liputan6.com", "satuharapan.com"]
MEASURE = """
import json, resource, sys, time
from pathlib import Path
from pipeline.report import build_report
times = []
for _ in range(3):
    started = time.perf_counter()
    page = build_report(Path(sys.argv[1]))
    times.append(time.perf_counter() - started)
print(json.dumps({"first": times[0], "best": min(times), "kb": len(page.encode()) / 1024, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def scale(seed: Path, out: Path, documents: int, shard_size: int = 1000) -> None:
    """Tables of `documents` copies of the seed documents, in parts of `shard_size`."""
    frames = {name: pd.read_parquet(tables.table_dir(seed, name)) for name in COPIED}
    seed_ids = frames["documents"]["doc_id"].tolist()
    for shard, low in enumerate(range(0, documents, shard_size)):
        index = pd.RangeIndex(low, min(low + shard_size, documents))
        copies = pd.DataFrame({"doc_id": [seed_ids[i % len(seed_ids)] for i in index], "new_id": [f"{seed_ids[i % len(seed_ids)]}-{i:07d}" for i in index], "copy": index})
        for name, frame in frames.items():
            part = frame.merge(copies, on="doc_id").drop(columns="doc_id").rename(columns={"new_id": "doc_id"})
            if name == "documents":
                part["outlet"] = [OUTLETS[i % len(OUTLETS)] for i in part["copy"]]
                part["published_at"] = pd.Timestamp("2024-01-01 01:00", tz="UTC") + pd.to_timedelta(part["copy"] % 60, unit="D") + pd.to_timedelta(part["copy"] % 24, unit="h")
                part["published_tz"] = "WIB"
            tables.write_part(out, name, shard, pa.Table.from_pandas(part[frame.columns], preserve_index=False))
    shutil.copy(seed / "manifest.json", out / "manifest.json")


def measure(out: Path) -> dict:
    result = subprocess.run([sys.executable, "-c", MEASURE, str(out)], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def screenshot(page: Path, png: Path, height: int) -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", f"--user-data-dir={profile}", f"--screenshot={png.resolve()}", f"--window-size=1280,{height}",
             page.resolve().as_uri()],
            capture_output=True, timeout=120, check=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="5,1000,10000,100000", help="collection sizes in documents; 5 is the seed tables as they are")
    parser.add_argument("--png", type=Path, default=ROOT / "benchmarks" / "report.png", help="where to write the screenshot of the seed report")
    parser.add_argument("--height", type=int, default=4800, help="screenshot height in pixels (width 1280)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        seed = Path(tmp) / "seeds"
        subprocess.run([sys.executable, "-m", "pipeline", "run", str(ROOT / "seeds"), "--out", str(seed)], capture_output=True, check=True)
        seed_count = len(pd.read_parquet(tables.table_dir(seed, "documents"), columns=["doc_id"]))
        rows = []
        for size in (int(s) for s in args.sizes.split(",")):
            out = seed if size == seed_count else Path(tmp) / f"n{size}"
            if out != seed:
                scale(seed, out, size)
            on_disk = sum(path.stat().st_size for path in out.rglob("*.parquet") if path.is_file()) / 2**20
            rows.append((size, on_disk, measure(out)))
            if out != seed:
                shutil.rmtree(out)
        if CHROMIUM.exists():
            screenshot(write_report(seed), args.png, args.height)
        else:
            print(f"{CHROMIUM} not found: no screenshot", file=sys.stderr)
    print("| documents | tables on disk MB | seconds, first | seconds, best of 3 | HTML KB | peak RSS MB |")
    print("|---:|---:|---:|---:|---:|---:|")
    for size, on_disk, result in rows:
        print(f"| {size:,} | {on_disk:,.1f} | {result['first']:.2f} | {result['best']:.2f} | {result['kb']:.0f} | {result['rss_mb']:,.0f} |")


if __name__ == "__main__":
    main()
