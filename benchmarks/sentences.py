"""The sentence-splitter bake-off on the UD Indonesian files here, one table, same text, one run.

Rows: the three splitters of the `sentences` stage (rules, spaCy senter trained here, Stanza
tokenizer trained here) and spaCy's plain `sentencizer` as the baseline. Each file is one text (its
sentences joined by a space); sentence and token F1 are over exactly matching character spans, as
in the CoNLL 2018 UD evaluation. The trained splitters learned from CSUI train + GSD dev, so their
cells on those files are not held-out scores and are left out.

    python benchmarks/sentences.py
"""

from __future__ import annotations

import time
from pathlib import Path

import spacy

from pipeline import sentences
from pipeline.evaluate import boundary_scores, gold_spans
from pipeline.models import STANZA_MODELS, UD_MODEL

UD = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "ud"
FILES = ["id_csui-ud-test", "id_pud-ud-test", "id_gsd-ud-dev", "id_csui-ud-train"]
TRAINED_ON = {"id_gsd-ud-dev", "id_csui-ud-train"}


def sentencizer(text: str) -> list[list[tuple[int, int]]]:
    nlp = spacy.blank("id")
    nlp.add_pipe("sentencizer")
    return [[(t.idx, t.idx + len(t.text)) for t in sent if not t.is_space] for sent in nlp(text).sents]


def shipped(splitter: str):
    def split(text: str) -> list[list[tuple[int, int]]]:
        return [[(start, end) for start, end, _, _ in tokens] for tokens in sentences.split([text], splitter)[0]]
    return split


def size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


def main() -> None:
    systems = {
        "rules (spaCy id tokenizer + indonesian_sentences)": (shipped("rules"), False, "0"),
        "spaCy senter trained here (models/ud-id)": (shipped("spacy"), True, f"{size_mb(UD_MODEL):.1f}"),
        "Stanza tokenizer trained here (models/stanza-id)": (shipped("stanza"), True, f"{size_mb(STANZA_MODELS):.1f}"),
        "baseline: spaCy blank('id') + sentencizer": (sentencizer, False, "0"),
    }
    print("| splitter | file | sentence F1 | token F1 | words/s | model MB |")
    print("|---|---|---|---|---|---|")
    for name, (split, trained, megabytes) in systems.items():
        split("Pemanasan. Model dimuat sekali.")
        for stem in FILES:
            if trained and stem in TRAINED_ON:
                continue
            text, gold_sentences, gold_tokens = gold_spans(UD / f"{stem}.conllu")
            started = time.perf_counter()
            predicted = [s for s in split(text) if s]
            speed = len(gold_tokens) / (time.perf_counter() - started)
            sentence_f1 = boundary_scores(gold_sentences, [(s[0][0], s[-1][1]) for s in predicted])["f1"]
            token_f1 = boundary_scores(gold_tokens, [t for s in predicted for t in s])["f1"]
            print(f"| {name} | {stem} | {100 * sentence_f1:.2f} | {100 * token_f1:.2f} | {speed:,.0f} | {megabytes} |")


if __name__ == "__main__":
    main()
