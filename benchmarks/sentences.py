"""Sentence and token boundaries on every UD Indonesian file here: our rules vs spaCy's sentencizer.

F1 of exactly matching character spans (CoNLL 2018 UD evaluation), each file taken as one text.

    python benchmarks/sentences.py
"""

from __future__ import annotations

import time
from pathlib import Path

import spacy

from pipeline import sentences
from pipeline.evaluate import boundary_scores, gold_spans

UD = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "ud"


def spacy_sentencizer(text: str) -> list[list[tuple[int, int]]]:
    nlp = spacy.blank("id")
    nlp.add_pipe("sentencizer")
    doc = nlp(text)
    return [[(t.idx, t.idx + len(t.text)) for t in sent if not t.is_space] for sent in doc.sents]


def our_rules(text: str) -> list[list[tuple[int, int]]]:
    return [[(start, end) for start, end, _, _ in tokens] for tokens in sentences.split([text])[0]]


def main() -> None:
    splitters = {"rules: id tokenizer + indonesian_sentences (shipped)": our_rules, "spaCy blank('id') + sentencizer": spacy_sentencizer}
    print("| splitter | file | sentence F1 | token F1 | words/s |")
    print("|---|---|---|---|---|")
    for name, splitter in splitters.items():
        for path in sorted(UD.glob("*.conllu")):
            text, gold_sentences, gold_tokens = gold_spans(path)
            splitter(text[:1000])  # warm-up: build the pipeline once
            started = time.perf_counter()
            predicted = [s for s in splitter(text) if s]
            speed = len(gold_tokens) / (time.perf_counter() - started)
            sentence_f1 = boundary_scores(gold_sentences, [(s[0][0], s[-1][1]) for s in predicted])["f1"]
            token_f1 = boundary_scores(gold_tokens, [t for s in predicted for t in s])["f1"]
            print(f"| {name} | {path.stem} | {100 * sentence_f1:.2f} | {100 * token_f1:.2f} | {speed:,.0f} |")


if __name__ == "__main__":
    main()
