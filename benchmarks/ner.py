"""NER on held-out gold: the shipped model next to a dictionary baseline, in one table.

The shipped model runs as the entities stage runs it (with the `entity_edges` rule). The baseline
tags every string that was an entity in the same training data (NER UI train fold, NERGrit train,
NER UGM train fold), longest match first, with its most frequent label: it shows what the model
adds beyond memorising names. Scores are entity-level exact match on gold tokenisation.

    python benchmarks/ner.py [--fold 01]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter, defaultdict
from pathlib import Path

import spacy
from spacy.tokens import Doc
from spacy.training import Example

from pipeline.corpora import bio_to_doc, read_bio
from pipeline.entities import load_ner
from pipeline.models import NER_MODEL, model_name

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "ner"


def dictionary_baseline(train_files: list[Path]) -> spacy.Language:
    labels: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    vocab_nlp = spacy.blank("id")
    for path in train_files:
        for sentence in read_bio(path):
            for ent in bio_to_doc(vocab_nlp.vocab, sentence).ents:
                labels[tuple(t.text for t in ent)][ent.label_] += 1
    nlp = spacy.blank("id")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH"})
    ruler.add_patterns([{"label": counts.most_common(1)[0][0], "pattern": [{"ORTH": w} for w in words]} for words, counts in labels.items()])
    return nlp


def score(nlp: spacy.Language, gold: Path) -> tuple[dict, float]:
    examples = [Example(Doc(nlp.vocab, words=s.words), bio_to_doc(nlp.vocab, s)) for s in read_bio(gold)]
    words = sum(len(e.reference) for e in examples)
    started = time.perf_counter()
    scores = nlp.evaluate(examples)
    return scores, words / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fold", default="01", help="the NER UI fold the shipped model was trained on")
    args = parser.parse_args()
    systems = {
        model_name(load_ner(NER_MODEL)): load_ner(NER_MODEL),
        "dictionary of training entities": dictionary_baseline([DATA / "nerui" / f"train.{args.fold}.tsv", DATA / "nergrit" / "train.txt", DATA / "nerugm" / f"train.{args.fold}.tsv"]),
    }
    splits = {
        f"NER UI test.{args.fold}": DATA / "nerui" / f"test.{args.fold}.tsv",
        "NERGrit valid": DATA / "nergrit" / "valid.txt",
        f"NER UGM test.{args.fold}": DATA / "nerugm" / f"test.{args.fold}.tsv",
    }
    print("| system | split | P | R | F1 | PER F1 | ORG F1 | LOC F1 | words/s |")
    print("|---|---|---|---|---|---|---|---|---|")
    for system, nlp in systems.items():
        for split, path in splits.items():
            s, speed = score(nlp, path)
            per = {label: 100 * v["f"] for label, v in (s["ents_per_type"] or {}).items()}
            print(f"| {system} | {split} | {100 * s['ents_p']:.1f} | {100 * s['ents_r']:.1f} | {100 * s['ents_f']:.1f} | "
                  f"{per.get('PER', 0):.1f} | {per.get('ORG', 0):.1f} | {per.get('LOC', 0):.1f} | {speed:,.0f} |")


if __name__ == "__main__":
    main()
