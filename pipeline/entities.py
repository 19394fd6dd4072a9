"""Entities stage: PER / ORG / LOC mentions from the spaCy NER model trained here (models/ner-id).

The model runs on the tokens the sentences stage wrote, sentence by sentence (the unit it was trained
on), so every entity starts and ends on a token of the `tokens` table and its offsets come from those
tokens, not from a second tokenisation.
"""

from __future__ import annotations

from itertools import groupby
from pathlib import Path

import pyarrow as pa
from spacy.language import Language
from spacy.tokens import Doc

from pipeline import schema
from pipeline.models import load_spacy, model_name, ner_model_path

NAME = "entities"
REQUIRES = ("sentences", "tokens")
PROVIDES = ("entities",)

# News names a government by its seat ("Gedung Putih mengatakan ..."); the training corpora tag
# buildings as LOC, so a span the model found with one of these names is relabelled ORG. This only
# changes labels of spans the model found; it never adds one.
SEATS_OF_GOVERNMENT = {
    "Gedung Putih", "Kremlin", "Pentagon", "Downing Street", "Istana Kepresidenan", "Istana Negara",
    "Istana Merdeka", "Istana Bogor", "Gedung Biru", "Zhongnanhai", "Elysee", "Élysée",
}
RELABEL_SOURCE = "rule:seat_of_government"

def tag(nlp: Language, sentences: list[list[str]], batch_size: int = 256) -> list[list[tuple[int, int, str]]]:
    """(token_start, token_end, label) entities of pre-tokenised sentences."""
    docs = (Doc(nlp.vocab, words=words) for words in sentences)
    return [[(e.start, e.end, e.label_) for e in doc.ents] for doc in nlp.pipe(docs, batch_size=batch_size)]


def run(tables: dict[str, pa.Table], model: Path | None = None) -> dict[str, pa.Table]:
    """sentences + tokens -> entities."""
    nlp = load_spacy(model or ner_model_path())
    source = model_name(nlp)
    sentences = {(row["doc_id"], row["sent_index"]): row for row in tables["sentences"].select(["doc_id", "sent_index", "start", "text"]).to_pylist()}
    tokens = tables["tokens"].select(["doc_id", "sent_index", "start", "end", "text"]).to_pylist()
    keys, token_lists = [], []
    for key, group in groupby(tokens, key=lambda token: (token["doc_id"], token["sent_index"])):
        keys.append(key)
        token_lists.append(list(group))
    rows = []
    ent_index: dict[str, int] = {}
    for key, sentence_tokens, found in zip(keys, token_lists, tag(nlp, [[t["text"] for t in group] for group in token_lists])):
        sentence = sentences[key]
        for token_start, token_end, label in found:
            start, end = sentence_tokens[token_start]["start"], sentence_tokens[token_end - 1]["end"]
            text = sentence["text"][start - sentence["start"]: end - sentence["start"]]
            index = ent_index.get(key[0], 0)
            ent_index[key[0]] = index + 1
            relabel = text in SEATS_OF_GOVERNMENT and label != "ORG"
            rows.append({
                "doc_id": key[0], "ent_index": index, "sent_index": key[1], "start": start, "end": end,
                "token_start": token_start, "token_end": token_end, "text": text,
                "label": "ORG" if relabel else label,
                "source": f"{source}+{RELABEL_SOURCE}" if relabel else source,
            })
    return {"entities": schema.from_rows(rows, schema.ENTITIES)}
