"""Whole-pipeline throughput and peak memory as the corpus grows, per executor, in one table.

Articles are built from real text: paragraphs of consecutive UD Indonesian sentences (`# text`
lines of ../shared/data/ud), framed by the boilerplate of a seed (title line, "Baca Juga", editor
line). Each configuration runs `berita run` in a subprocess; peak memory is the largest sum of the
resident memory of that process and all its children (workers), sampled every 0.1 s.

Configurations: `w1`/`w2` local worker processes, `dask2` a Dask LocalCluster of two workers, and
`w1 stanza` the same text with Stanza's tokenizer (trained here) as the splitter, for the ratio.

    python benchmarks/scale.py [--sizes 1000,4000,16000] [--configs "w1,w2,dask2,w1 stanza"]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
import psutil

from pipeline.corpora import read_conllu

ROOT = Path(__file__).resolve().parent.parent
UD = ROOT.parent / "shared" / "data" / "ud"
CONFIGS = {  # the last argument is the number of cores used
    "w1": ["--workers", "1"],
    "w2": ["--workers", "2"],
    "dask2": ["--executor", "dask", "--workers", "2"],
    "w1 stanza": ["--splitter", "stanza", "--workers", "1"],
}
TABLES = ["documents", "blocks", "sentences", "tokens", "entities", "errors"]


def write_corpus(folder: Path, articles: int) -> int:
    """JSONL articles of ~8 real sentences each; returns the number of raw words."""
    sentences = [s.text for path in sorted(UD.glob("*.conllu")) for s in read_conllu(path)]
    words = 0
    with (folder / "corpus.jsonl").open("w", encoding="utf-8") as out:
        for index in range(articles):
            start = (index * 8) % (len(sentences) - 8)
            body = sentences[start:start + 8]
            lines = [body[0][:80], "", " ".join(body[1:4]), "Baca Juga: " + body[4][:60], " ".join(body[4:6]), " ".join(body[6:8]), "", "Editor: Sabar Subekti"]
            text = "\n".join(lines)
            words += len(text.split())
            out.write(json.dumps({"id": f"a{index}", "text": text}, ensure_ascii=False) + "\n")
    return words


def measure(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident MB of the process tree."""
    started = time.perf_counter()
    process = psutil.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while process.poll() is None:
        try:
            tree = [process, *process.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.1)
    if process.returncode != 0:
        raise SystemExit(f"failed: {' '.join(command)}")
    return time.perf_counter() - started, peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,4000,16000")
    parser.add_argument("--configs", default=",".join(CONFIGS))
    args = parser.parse_args()
    rows, sizes = [], []
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            words = write_corpus(Path(tmp), size)
            for config in args.configs.split(","):
                out = Path(tmp) / f"out_{config}"
                seconds, peak_mb = measure([sys.executable, "-m", "pipeline", "run", str(Path(tmp) / "corpus.jsonl"), "--out", str(out), "--no-resume", *CONFIGS[config]])
                cores = int(CONFIGS[config][-1])
                rows.append((size, config, words, seconds, words / seconds, words / seconds / cores, peak_mb))
            out = Path(tmp) / "out_w1" if "w1" in args.configs else out
            clean_words = int(pd.read_parquet(out / "documents.parquet", columns=["n_words"])["n_words"].sum())
            for table in TABLES:
                started = time.perf_counter()
                pd.read_parquet(out / f"{table}.parquet")
                load = time.perf_counter() - started
                megabytes = sum(p.stat().st_size for p in (out / f"{table}.parquet").glob("*.parquet")) / 2**20
                sizes.append((size, table, megabytes * 1_000_000 / clean_words, load))
    print("Whole pipeline (`berita run`, clean + sentences + entities; includes start-up and model loading)")
    print("| documents | executor | raw words | seconds | words/s | words/s per core | peak memory MB |")
    print("|---|---|---|---|---|---|---|")
    for size, config, words, seconds, speed, per_core, peak in rows:
        print(f"| {size:,} | {config} | {words:,} | {seconds:.1f} | {speed:,.0f} | {per_core:,.0f} | {peak:,.0f} |")
    print()
    print("| documents | table | MB per 1M clean words | pd.read_parquet seconds |")
    print("|---|---|---|---|")
    for size, table, mb, load in sizes:
        print(f"| {size:,} | {table} | {mb:.1f} | {load:.2f} |")


if __name__ == "__main__":
    main()
