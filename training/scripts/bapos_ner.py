"""Rebuild the NER-annotated bapos sentences as a token<TAB>BIO file for convert_ner.py.

`training/annotations/idn_tagged_ner.tsv` holds our PER/ORG/LOC annotation of the IDN tagged corpus
(bapos): `id<TAB>LABEL<TAB>entity tokens` or `id<TAB>NONE`, with ids `<split>-<n>` (the n-th
sentence of ../shared/data/pos/bapos/<split>.txt, from 0). Only the annotation is in the repository;
the sentences are read from the corpus. An entity string marks every run of tokens that spells it.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from pipeline.corpora import read_bio


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("annotations", type=Path)
    parser.add_argument("bapos", type=Path, help="the folder with bapos train.txt, valid.txt, test.txt")
    parser.add_argument("output", type=Path, help="the token<TAB>BIO file to write")
    args = parser.parse_args()
    entities: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    for line in args.annotations.read_text(encoding="utf-8").splitlines():
        sentence_id, *rest = line.split("\t")
        entities[sentence_id] += [(rest[0], rest[1].split(" "))] if rest != ["NONE"] else []
    sentences = {f"{split}-{n}": s.words for split in ("train", "valid", "test") for n, s in enumerate(read_bio(args.bapos / f"{split}.txt"))}
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8") as out:
        for sentence_id, spans in entities.items():
            words = sentences[sentence_id]
            out.write("".join(f"{word}\t{tag}\n" for word, tag in zip(words, bio_tags(words, spans))) + "\n")
    print(f"{args.output}: {len(entities)} sentences, {sum(map(len, entities.values()))} entities")


def bio_tags(words: list[str], spans: list[tuple[str, list[str]]]) -> list[str]:
    """Longer entities first, so "Korea Utara" is not cut by a separate "Korea"."""
    tags = ["O"] * len(words)
    for label, tokens in sorted(spans, key=lambda span: -len(span[1])):
        for start in range(len(words) - len(tokens) + 1):
            if words[start: start + len(tokens)] == tokens and all(tag == "O" for tag in tags[start: start + len(tokens)]):
                tags[start: start + len(tokens)] = [f"B-{label}"] + [f"I-{label}"] * (len(tokens) - 1)
    return tags


if __name__ == "__main__":
    main()
