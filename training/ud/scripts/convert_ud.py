"""CoNLL-U files to spaCy DocBins: surface tokens with sentence starts, UPOS and (lowercased) lemmas.

Sentences are grouped into documents of `--per-doc` so the sentence recogniser sees boundaries;
every `--dev-every`-th document goes to the dev file instead of the training file.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

from pipeline.corpora import UdSentence, read_conllu


def to_doc(vocab, sentences: list[UdSentence]) -> Doc:
    words, spaces, starts, pos, lemmas = [], [], [], [], []
    for sentence in sentences:
        for index, form in enumerate(sentence.tokens):
            words.append(form)
            spaces.append(sentence.space_after[index] if index < len(sentence.tokens) - 1 else True)
            starts.append(index == 0)
            pos.append(sentence.upos[index] or "X")
            lemma = sentence.lemmas[index]
            lemmas.append(lemma.lower() if lemma and lemma != "_" else form.lower())
    return Doc(vocab, words=words, spaces=spaces, sent_starts=starts, pos=pos, lemmas=lemmas)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("train", type=Path)
    parser.add_argument("dev", type=Path)
    parser.add_argument("inputs", type=Path, nargs="+")
    parser.add_argument("--per-doc", type=int, default=10)
    parser.add_argument("--dev-every", type=int, default=10, help="0: no dev split, everything to train")
    args = parser.parse_args()
    vocab = spacy.blank("id").vocab
    train, dev = DocBin(store_user_data=False), DocBin(store_user_data=False)
    count = 0
    for path in args.inputs:
        sentences = read_conllu(path)
        for start in range(0, len(sentences), args.per_doc):
            doc = to_doc(vocab, sentences[start:start + args.per_doc])
            count += 1
            (dev if args.dev_every and count % args.dev_every == 0 else train).add(doc)
    for path, docs in ((args.train, train), (args.dev, dev)):
        path.parent.mkdir(parents=True, exist_ok=True)
        docs.to_disk(path)
        print(f"{path}: {len(docs)} documents")


if __name__ == "__main__":
    main()
