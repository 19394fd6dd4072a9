"""Convert token<TAB>BIO files (NER UI, NERGrit, NER UGM) into one spaCy DocBin with PER/ORG/LOC.

`--partial FILE` adds a corpus whose O is not to be trusted on names: NER UGM tags "Indonesia" O in
some sentences and its QUANTITY/TIME have no counterpart here, so a capitalised token it tags O (or
QUANTITY/TIME) becomes *missing* — the NER learns its entities without learning that a name is O.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span

from pipeline.corpora import bio_to_doc, read_bio


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("output", type=Path, help="the .spacy file to write")
    parser.add_argument("inputs", type=Path, nargs="*", help="token<TAB>BIO files")
    parser.add_argument("--partial", type=Path, action="append", default=[], help="a BIO file whose O on capitalised tokens is unknown")
    args = parser.parse_args()
    vocab = spacy.blank("id").vocab
    doc_bin = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"])
    for path in args.inputs:
        for sentence in read_bio(path):
            doc_bin.add(bio_to_doc(vocab, sentence))
    for path in args.partial:
        for sentence in read_bio(path):
            doc_bin.add(with_unknown_names(bio_to_doc(vocab, sentence)))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    doc_bin.to_disk(args.output)
    print(f"{args.output}: {len(doc_bin)} sentences from {len(args.inputs) + len(args.partial)} file(s)")


def with_unknown_names(doc: Doc) -> Doc:
    """Capitalised tokens outside the doc's entities become missing annotation."""
    unknown = [Span(doc, token.i, token.i + 1) for token in doc if token.ent_iob_ == "O" and token.text[:1].isupper()]
    doc.set_ents(list(doc.ents), missing=unknown, default="unmodified")
    return doc


if __name__ == "__main__":
    main()
