"""Entities stage: PER / ORG / LOC mentions from the spaCy NER model trained here (models/ner-id),
resolved to canonical names, counted per document (`mentions`), and the quotes they speak (`quotes`).

The model runs on the tokens the sentences stage wrote, sentence by sentence (the unit it was trained
on), so every entity starts and ends on a token of the `tokens` table and its offsets come from those
tokens, not from a second tokenisation.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from itertools import groupby
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline import canonical, quotes, schema
from pipeline.models import model_name, ner_model_path, open_spacy

NAME = "entities"
REQUIRES = ("sentences", "tokens", "blocks")
PROVIDES = ("entities", "mentions", "quotes")

# News names a government by its seat ("Gedung Putih mengatakan ..."); the training corpora tag
# buildings as LOC, so a span the model found with one of these names is relabelled ORG. This only
# changes labels of spans the model found; it never adds one.
SEATS_OF_GOVERNMENT = {
    "Gedung Putih", "Kremlin", "Pentagon", "Downing Street", "Istana Kepresidenan", "Istana Negara",
    "Istana Merdeka", "Istana Bogor", "Gedung Biru", "Zhongnanhai", "Elysee", "Élysée",
}
RELABEL_SOURCE = "rule:seat_of_government"
SAME_ARTICLE_SOURCE = "rule:same_article"

QUOTE_MARKS = {"'", '"', "\u2018", "\u2019", "\u201c", "\u201d"}


@Language.component("entity_edges")
def entity_edges(doc: Doc) -> Doc:
    """Names end in a capitalised word: lowercase words at the end of a multi-word span are the
    model's overreach ("Biden baru-baru", "West End dan") and are trimmed off, as are trailing
    quote marks. (Leading lowercase words stay: NERGrit's gold has "desa X", "pulau Y".) An
    organisation followed at once by a seat of government is that government's body, one name:
    "Dewan Keamanan Nasional" + "Gedung Putih"."""
    trimmed: list[Span] = []
    for ent in doc.ents:
        start, end = ent.start, ent.end
        while end - start > 1 and (doc[end - 1].text[:1].islower() or doc[end - 1].text in QUOTE_MARKS):
            end -= 1
        span = Span(doc, start, end, label=ent.label) if doc[end - 1].text[:1].isupper() else ent
        if trimmed and trimmed[-1].end == span.start and trimmed[-1].label_ == "ORG" and span.text in SEATS_OF_GOVERNMENT:
            span = Span(doc, trimmed.pop().start, span.end, label="ORG")
        trimmed.append(span)
    doc.ents = trimmed
    return doc


@lru_cache(maxsize=4)
def load_ner(path: Path, edges: bool = True) -> Language:
    """The NER model from disk, with the `entity_edges` rule after it unless asked for the model alone."""
    nlp = open_spacy(path)
    if edges:
        nlp.add_pipe("entity_edges", last=True)
    return nlp


def tag(nlp: Language, sentences: list[list[str]], batch_size: int = 256) -> list[list[tuple[int, int, str]]]:
    """(token_start, token_end, label) entities of pre-tokenised sentences."""
    docs = (Doc(nlp.vocab, words=words) for words in sentences)
    return [[(e.start, e.end, e.label_) for e in doc.ents] for doc in nlp.pipe(docs, batch_size=batch_size)]


def run(tables: dict[str, pa.Table], model: Path | None = None) -> dict[str, pa.Table]:
    """documents + sentences + tokens (+ the captions among blocks) -> entities, mentions, quotes."""
    nlp = load_ner(model or ner_model_path())
    source = model_name(nlp)
    sentences = {(row["doc_id"], row["sent_index"]): row for row in tables["sentences"].select(["doc_id", "sent_index", "start", "end", "text"]).to_pylist()}
    tokens = tables["tokens"].select(["doc_id", "sent_index", "start", "end", "text"]).to_pylist()
    keys, token_lists = [], []
    for key, group in groupby(tokens, key=lambda token: (token["doc_id"], token["sent_index"])):
        keys.append(key)
        token_lists.append(list(group))
    words = [[t["text"] for t in group] for group in token_lists]
    found_by_model = tag(nlp, words)
    headings = headline_sentences(keys, sentences, tables["blocks"])
    rows = []
    ent_index: dict[str, int] = {}
    for key, sentence_tokens, found in zip(keys, token_lists, same_article(keys, words, found_by_model, headings)):
        sentence = sentences[key]
        for token_start, token_end, label, propagated in found:
            start, end = sentence_tokens[token_start]["start"], sentence_tokens[token_end - 1]["end"]
            text = sentence["text"][start - sentence["start"]: end - sentence["start"]]
            index = ent_index.get(key[0], 0)
            ent_index[key[0]] = index + 1
            relabel = text in SEATS_OF_GOVERNMENT and label != "ORG"
            rows.append({
                "doc_id": key[0], "ent_index": index, "sent_index": key[1], "start": start, "end": end,
                "token_start": token_start, "token_end": token_end, "text": text,
                "label": "ORG" if relabel else label,
                "source": source + (f"+{SAME_ARTICLE_SOURCE}" if propagated else "") + (f"+{RELABEL_SOURCE}" if relabel else ""),
            })
    texts = dict(zip(tables["documents"].column("doc_id").to_pylist(), tables["documents"].column("text").to_pylist()))
    spans: dict[str, list[tuple[int, int]]] = {}
    for (doc_id, _), sentence in sentences.items():
        spans.setdefault(doc_id, []).append((sentence["start"], sentence["end"]))
    by_doc = {doc_id: list(doc_rows) for doc_id, doc_rows in groupby(rows, key=lambda row: row["doc_id"])}
    captioned = captioned_people(nlp, tables["blocks"])
    quote_rows, mention_rows = [], []
    for doc_id, doc_spans in spans.items():
        doc_rows = by_doc.get(doc_id, [])
        found = [canonical.Mention(r["start"], r["end"], r["text"], r["label"]) for r in doc_rows]
        for row, (name, resolved_by) in zip(doc_rows, canonical.resolve(found, texts[doc_id], captioned.get(doc_id, []))):
            row["canonical"], row["resolved_by"] = name, resolved_by
        mention_rows += mentions(doc_rows)
        quote_rows += quote_table_rows(doc_id, texts[doc_id], sorted(doc_spans), doc_rows)
    return {
        "entities": schema.from_rows(rows, schema.ENTITIES),
        "mentions": schema.from_rows(mention_rows, schema.MENTIONS),
        "quotes": schema.from_rows(quote_rows, schema.QUOTES),
    }


def same_article(
    keys: list[tuple[str, int]], words: list[list[str]], found: list[list[tuple[int, int, str]]], headings: list[bool],
) -> list[list[tuple[int, int, str, bool]]]:
    """Document-level consistency, one label per name in an article: the label the model gives the
    name where the article first names it, the introduction that says what it is ("melalui kelompok
    tentara bayaran Wagner", later only "oleh Wagner"). Later mentions the model labelled otherwise
    take that label, and where the name stands untagged it is tagged ("Menurut Kirby" after "John
    Kirby"); a person's first or last name counts as the person's. What the model tags in a Title
    Case sentence is no evidence ("Membeli Roket" as PER), and in the title or a heading
    (`headings`) it is kept only when the article's other sentences name it too, so that a
    capitalised headline phrase ("Menjadi Sekutu Utama") is not a name. A one-word name counts only
    when tagged after a sentence's first word. Each span comes with whether this rule added or
    relabelled it."""
    result: list[list[tuple[int, int, str, bool]]] = []
    for _, group in groupby(range(len(keys)), key=lambda i: keys[i][0]):
        indexes = list(group)
        first_label: dict[tuple[str, ...], str] = {}
        for i in (i for i in indexes if not _title_case(words[i])):
            for start, end, label in found[i]:
                name = tuple(words[i][start:end])
                if len(name) > 1 or start > 0:
                    first_label.setdefault(name, label)
                if label == "PER" and len(name) > 1:
                    for part in (name[:1], name[-1:]):
                        if len(part[0]) > 2:
                            first_label.setdefault(part, "PER")
        names = sorted(((name, label) for name, label in first_label.items() if name[0][:1].isupper()), key=lambda item: -len(item[0]))
        body = [words[i] for i in indexes if not headings[i]]
        for i in indexes:
            spans = []
            taken = [False] * len(words[i])
            for start, end, label in found[i]:
                if headings[i] and not _named_in(words[i][start:end], body):
                    continue
                agreed = first_label.get(tuple(words[i][start:end]), label)
                spans.append((start, end, agreed, agreed != label))
                taken[start:end] = [True] * (end - start)
            for name, label in names:
                for start in range(len(words[i]) - len(name) + 1):
                    end = start + len(name)
                    if tuple(words[i][start:end]) == name and not any(taken[start:end]):
                        spans.append((start, end, label, True))
                        taken[start:end] = [True] * len(name)
            result.append(sorted(spans))
    return result


def headline_sentences(keys: list[tuple[str, int]], sentences: dict[tuple[str, int], dict], blocks: pa.Table) -> list[bool]:
    """Whether each sentence starts in the article's title or a heading (from the clean stage's blocks)."""
    headings = blocks.filter(pc.and_(blocks["keep"], pc.is_in(blocks["label"], pa.array(["title", "heading"])))).select(["doc_id", "start", "end"]).to_pylist()
    ranges: dict[str, list[tuple[int, int]]] = {}
    for block in headings:
        ranges.setdefault(block["doc_id"], []).append((block["start"], block["end"]))
    return [any(start <= sentences[key]["start"] < end for start, end in ranges.get(key[0], [])) for key in keys]


def _named_in(name: list[str], sentences: list[list[str]]) -> bool:
    """Whether the words stand in one of the sentences as written, or in capitals in an ALL CAPS name."""
    def same(word: str, written: str) -> bool:
        return word == written or (word.isupper() and word == written.upper())
    return any(
        all(same(word, sentence[start + k]) for k, word in enumerate(name))
        for sentence in sentences for start in range(len(sentence) - len(name) + 1)
    )


def _title_case(words: list[str]) -> bool:
    alphabetic = [word for word in words if word.isalpha()]
    return sum(word[0].isupper() for word in alphabetic) > 0.6 * len(alphabetic)


def captioned_people(nlp: Language, blocks: pa.Table) -> dict[str, list[str]]:
    """Full names of people in each article's photo captions: the only place some articles name
    "Putin" in full. Captions are not the article's text, so they give names, never entities."""
    captions = blocks.filter(pc.equal(blocks["label"], "caption")).select(["doc_id", "text"]).to_pylist()
    names: dict[str, list[str]] = {}
    for row, doc in zip(captions, nlp.pipe(row["text"] for row in captions)):
        names.setdefault(row["doc_id"], []).extend(e.text for e in doc.ents if e.label_ == "PER" and len(e) > 1)
    return names


def mentions(entity_rows: list[dict]) -> list[dict]:
    """One row per (canonical, label) of one document's entities (given in text order), first mentioned first."""
    grouped: dict[tuple[str, str], dict] = {}
    for row in entity_rows:
        key = (row["canonical"], row["label"])
        group = grouped.setdefault(key, {"doc_id": row["doc_id"], "canonical": key[0], "label": key[1], "count": 0, "first_start": row["start"], "sent_indexes": [], "forms": []})
        group["count"] += 1
        if row["sent_index"] not in group["sent_indexes"]:
            group["sent_indexes"].append(row["sent_index"])
        if row["text"] not in group["forms"]:
            group["forms"].append(row["text"])
    return list(grouped.values())


def quote_table_rows(doc_id: str, text: str, sentence_spans: list[tuple[int, int]], entity_rows: list[dict]) -> list[dict]:
    entities = [quotes.Entity(r["ent_index"], r["start"], r["end"], r["label"], r["canonical"]) for r in entity_rows]
    starts = [start for start, _ in sentence_spans]
    rows = []
    for index, quote in enumerate(quotes.find_quotes(text, sentence_spans, entities)):
        speaker = quote.speaker
        rows.append({
            "doc_id": doc_id, "quote_index": index, "sent_index": max(bisect_right(starts, quote.start) - 1, 0),
            "start": quote.start, "end": quote.end, "text": text[quote.start:quote.end], "kind": quote.kind, "cue": quote.cue,
            "speaker": text[speaker.start:speaker.end] if speaker else None,
            "speaker_start": speaker.start if speaker else None, "speaker_end": speaker.end if speaker else None,
            "speaker_canonical": speaker.canonical if speaker else None, "speaker_label": speaker.label if speaker else None,
            "speaker_ent_index": speaker.index if speaker else None, "speaker_resolved_by": quote.resolved_by if speaker else None,
        })
    return rows
