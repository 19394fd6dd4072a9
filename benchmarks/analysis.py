"""Quotes and mention counts on the seeds against the hand annotations in tests/fixtures.

Runs the pipeline on seeds/ and prints one table: quote precision/recall/F1 and speaker accuracy of
the quotes rules next to a baseline that takes every span in quote marks (no speakers), and the
share of hand-counted mentions of seed 002 that the `mentions` table has, with canonical names vs.
with the raw entity text. The seeds are what the rules were written on (there is no other hand-
annotated text with quotes here): read these numbers as a regression check, not a held-out score.

    python benchmarks/analysis.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd

from pipeline.evaluate import evaluate_quotes
from pipeline.quotes import quote_mark_spans

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


def quote_mark_baseline(documents: pd.DataFrame) -> pd.DataFrame:
    """Every span between paired quote marks in a paragraph, without a speaker."""
    rows = [
        {"doc_id": doc_id, "start": open_at + 1, "end": close_at, "speaker_canonical": None}
        for doc_id, text in zip(documents["doc_id"], documents["text"])
        for open_at, close_at in quote_mark_spans(text)
    ]
    return pd.DataFrame(rows)


def mention_recall(hand: pd.DataFrame, mentions: pd.DataFrame) -> float:
    """Share of hand-counted mentions the table has under the same name and label."""
    merged = hand.merge(mentions, on=["canonical", "label"], how="left", suffixes=("_hand", "_table"))
    return merged[["count_hand", "count_table"]].fillna(0).min(axis=1).sum() / merged["count_hand"].sum()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pipeline", "run", str(ROOT / "seeds"), "--out", tmp], check=True, capture_output=True)
        tables = {name: pd.read_parquet(Path(tmp) / f"{name}.parquet") for name in ("documents", "entities", "mentions", "quotes")}
    gold = pd.read_csv(FIXTURES / "quotes_seeds.tsv", sep="\t", keep_default_na=False)
    hand = pd.read_csv(FIXTURES / "mentions_seed_002.tsv", sep="\t", keep_default_na=False)
    documents = tables["documents"]
    doc_002 = documents.loc[documents["source"].str.contains("002_"), "doc_id"].item()
    entities = tables["entities"][tables["entities"]["doc_id"] == doc_002]
    as_written = entities.groupby(["text", "label"]).size().rename("count").reset_index().rename(columns={"text": "canonical"})
    print(f"Seeds: {len(gold)} hand-annotated quotes in 5 articles; {hand['count'].sum()} hand-counted mentions in seed 002.\n")
    print("| method | quotes found | P | R | F1 | speaker right (of matched) | named speaker right |")
    print("|---|---|---|---|---|---|---|")
    for name, predicted in (("quote marks only (baseline)", quote_mark_baseline(documents)), ("quotes rules (shipped)", tables["quotes"])):
        scores = evaluate_quotes(gold, documents, predicted)
        print(f"| {name} | {scores['predicted']} | {scores['precision']:.3f} | {scores['recall']:.3f} | {scores['f1']:.3f} | {scores['speaker_accuracy']:.3f} | {scores['named_speaker_accuracy']:.3f} |")
    print("\n| mentions of seed 002 | share of hand-counted mentions in the table |")
    print("|---|---|")
    print(f"| entity text as written (baseline) | {mention_recall(hand, as_written):.3f} |")
    print(f"| canonical names (shipped) | {mention_recall(hand, tables['mentions'][tables['mentions']['doc_id'] == doc_002]):.3f} |")


if __name__ == "__main__":
    main()
