"""Convert token<TAB>BIO files (NER UI, NERGrit, NER UGM) into one spaCy DocBin with PER/ORG/LOC."""

from __future__ import annotations

import argparse
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from pipeline.corpora import bio_to_doc, read_bio


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("output", type=Path, help="the .spacy file to write")
    parser.add_argument("inputs", type=Path, nargs="+", help="token<TAB>BIO files")
    args = parser.parse_args()
    vocab = spacy.blank("id").vocab
    doc_bin = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"])
    for path in args.inputs:
        for sentence in read_bio(path):
            doc_bin.add(bio_to_doc(vocab, sentence))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    doc_bin.to_disk(args.output)
    print(f"{args.output}: {len(doc_bin)} sentences from {len(args.inputs)} file(s)")


if __name__ == "__main__":
    main()
