"""Raw Indonesian text for `spacy pretrain`, as JSONL lines {"text": ...}.

Sources: HTML documentation from Debian's Indonesian doc packages (libreoffice-help-id, kicad-doc-id,
debian-reference-id; not news, but ~1.5M words of edited Indonesian) and the sentences of the
annotated corpora that are never used for evaluation (bapos, UD, NERGrit train). Any sentence that
appears in an NER evaluation split (every NER UI fold, NER UGM test, NERGrit valid) is left out, so a
pretrained tok2vec has never read a test sentence.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterator
from pathlib import Path

import lxml.html

from pipeline.corpora import read_bio

BLOCK_TAGS = ("p", "li", "td", "dd", "h1", "h2", "h3", "h4", "caption")
# Untranslated help pages are English: keep a paragraph only when Indonesian function words dominate.
INDONESIAN_WORDS = frozenset("yang dan di ke dari untuk dengan ini itu pada dalam tidak akan adalah atau dapat anda jika oleh".split())
ENGLISH_WORDS = frozenset("the and of to in is for with this that you be are or can".split())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("output", type=Path, help="the .jsonl file to write")
    parser.add_argument("--html", type=Path, action="append", default=[], help="a folder searched for *.html")
    parser.add_argument("--bio", type=Path, action="append", default=[], help="a token<TAB>tag file (bapos, NERGrit train)")
    parser.add_argument("--conllu", type=Path, action="append", default=[], help="a UD treebank")
    parser.add_argument("--exclude", type=Path, action="append", default=[], help="a token<TAB>tag file whose sentences must not appear")
    args = parser.parse_args()
    excluded = {normalise(" ".join(sentence.words)) for path in args.exclude for sentence in read_bio(path)}
    texts = [*html_paragraphs(args.html), *bio_sentences(args.bio), *conllu_sentences(args.conllu)]
    seen: set[str] = set()
    words = 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    with args.output.open("w", encoding="utf-8") as out:
        for text in texts:
            key = normalise(text)
            if key in excluded or key in seen:
                continue
            seen.add(key)
            words += len(text.split())
            out.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
    print(f"{args.output}: {len(seen)} texts, {words} words ({len(excluded)} evaluation sentences excluded)")


def normalise(text: str) -> str:
    return re.sub(r"\W+", "", text).lower()


def html_paragraphs(folders: list[Path]) -> Iterator[str]:
    for folder in folders:
        for path in sorted(folder.rglob("*.html")):
            root = lxml.html.parse(str(path)).getroot()
            if root is None:
                continue
            for element in root.iter(*BLOCK_TAGS):
                text = " ".join(element.text_content().split())
                if is_indonesian_prose(text):
                    yield text


def is_indonesian_prose(text: str) -> bool:
    words = text.lower().split()
    if len(words) < 5:
        return False
    indonesian = sum(word in INDONESIAN_WORDS for word in words)
    english = sum(word in ENGLISH_WORDS for word in words)
    return indonesian >= 1 and indonesian > english


def bio_sentences(paths: list[Path]) -> Iterator[str]:
    for path in paths:
        for sentence in read_bio(path):
            yield " ".join(sentence.words)


def conllu_sentences(paths: list[Path]) -> Iterator[str]:
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# text = "):
                yield line.removeprefix("# text = ").strip()


if __name__ == "__main__":
    main()
