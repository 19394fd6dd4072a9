"""Readers for the gold formats we train and evaluate on (token<TAB>BIO files and CoNLL-U)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

# The corpora name the same three classes differently; NER UGM's QUANTITY/TIME have no
# counterpart in the others, so they become O rather than a label only one corpus knows.
LABEL_MAP = {
    "PERSON": "PER",
    "PER": "PER",
    "ORGANIZATION": "ORG",
    "ORGANISATION": "ORG",
    "ORG": "ORG",
    "LOCATION": "LOC",
    "PLACE": "LOC",
    "LOC": "LOC",
}


@dataclass
class BioSentence:
    words: list[str]
    tags: list[str]


def read_bio(path: Path) -> list[BioSentence]:
    """Read a `token<TAB>tag` file, mapping labels to PER/ORG/LOC and repairing I- without B-."""
    sentences: list[BioSentence] = []
    words: list[str] = []
    tags: list[str] = []
    for line_number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            if words:
                sentences.append(BioSentence(words, tags))
                words, tags = [], []
            continue
        parts = line.split("\t")
        if len(parts) < 2:
            raise ValueError(f"{path}:{line_number}: expected token<TAB>tag, got {line!r}")
        word, tag = parts[0], parts[-1].strip()
        words.append(word)
        tags.append(_map_tag(tag, tags[-1] if tags else "O"))
    if words:
        sentences.append(BioSentence(words, tags))
    return sentences


def _map_tag(tag: str, previous: str) -> str:
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, label = tag.split("-", 1)
    mapped = LABEL_MAP.get(label)
    if mapped is None:
        return "O"
    if prefix == "I" and previous[2:] != mapped:
        prefix = "B"
    return f"{prefix}-{mapped}"


def bio_to_doc(vocab: Vocab, sentence: BioSentence) -> Doc:
    """A gold Doc with entities set from BIO tags, single spaces between words."""
    doc = Doc(vocab, words=sentence.words)
    spans = []
    start = None
    label = None
    for index, tag in enumerate(sentence.tags + ["O"]):
        if start is not None and not tag.startswith("I-"):
            spans.append(Span(doc, start, index, label=label))
            start = None
        if tag.startswith("B-"):
            start, label = index, tag[2:]
    doc.ents = spans
    return doc


@dataclass
class UdSentence:
    text: str
    tokens: list[str]  # surface tokens: a multi-word token counts once, as written
    upos: list[str]  # of the token, or of the host word (the first) of a multi-word token
    lemmas: list[str]
    space_after: list[bool]


def read_conllu(path: Path) -> list[UdSentence]:
    """Sentences of a CoNLL-U file with their `# text` and surface tokens.

    A clitic-bearing token (`menyetujuinya` = menyetujui + nya) is one surface token; its UPOS and
    lemma are those of its host word, which is what a surface-token table can hold.
    """
    sentences: list[UdSentence] = []
    text = None
    rows: list[list] = []  # [form, upos, lemma, space_after]
    skip_until = 0
    pending_host = False
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.startswith("# text ="):
            text = line.split("=", 1)[1].strip()
        elif line.startswith("#"):
            continue
        elif not line.strip():
            if rows:
                sentences.append(_ud_sentence(text, rows))
            text, rows, skip_until = None, [], 0
        else:
            columns = line.split("\t")
            token_id = columns[0]
            if "." in token_id:
                continue
            if "-" in token_id:
                rows.append([columns[1], None, None, "SpaceAfter=No" not in columns[9]])
                skip_until = int(token_id.split("-")[1])
                pending_host = True
            elif int(token_id) > skip_until:
                rows.append([columns[1], columns[3], columns[2], "SpaceAfter=No" not in columns[9]])
            elif pending_host:
                rows[-1][1:3] = [columns[3], columns[2]]
                pending_host = False
    if rows:
        sentences.append(_ud_sentence(text, rows))
    return sentences


def _ud_sentence(text: str | None, rows: list[list]) -> UdSentence:
    forms = [row[0] for row in rows]
    return UdSentence(text if text is not None else " ".join(forms), forms, [r[1] for r in rows], [r[2] for r in rows], [r[3] for r in rows])


@dataclass
class LabelledLine:
    label: str
    text: str
    expected: str | None = None  # for a body line with an insert to cut: the text to keep


def read_labelled_lines(path: Path) -> list[LabelledLine]:
    """A clean-stage fixture: `label<TAB>raw line[<TAB>text to keep]` per raw line."""
    lines = []
    for line_number, line in enumerate(Path(path).read_text(encoding="utf-8").split("\n"), 1):
        if not line:
            continue
        label, _, rest = line.partition("\t")
        text, _, expected = rest.partition("\t")
        if not label or label.startswith("#"):
            raise ValueError(f"{path}:{line_number}: expected label<TAB>text, got {line!r}")
        lines.append(LabelledLine(label, text, expected or None))
    return lines


def read_line_labels(path: Path) -> dict[str, dict[int, str]]:
    """Hand labels of raw lines: `file<TAB>line<TAB>label<TAB>text`, blank lines not listed."""
    labels: dict[str, dict[int, str]] = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, index, label, _ = line.split("\t", 3)
            labels.setdefault(name, {})[int(index)] = label
    return labels
