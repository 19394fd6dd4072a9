"""Sentences stage: Indonesian sentences and tokens with offsets into `documents.text`, UPOS, lemmas.

Three splitters, chosen with `--splitter` (benchmarks/sentences.py compares them):
- `rules`: spaCy's `id` tokenizer (which keeps `16.31`, `Rp 1.500.000`, `KOMPAS.com` whole) with
  the abbreviations news needs (`Jl.`, `PT.`, `Tbk.`, ...) and the `indonesian_sentences`
  component: no break after a title or an initial, a closing quote or bracket stays with its
  sentence, `"...," kata dia.` is one sentence;
- `spacy`: the same tokens, sentence starts from the `senter` trained here (models/ud-id);
- `stanza`: Stanza's neural tokenizer trained here (models/stanza-id).
A paragraph break always ends a sentence. UPOS and lemma come from models/ud-id for every splitter.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy
import pyarrow as pa
import spacy
from spacy.attrs import ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from pipeline import schema
from pipeline.models import UD_MODEL, load_spacy

NAME = "sentences"
SPLITTERS = ("rules", "spacy", "stanza")
DEFAULT_SPLITTER = "rules"
Token = tuple[int, int, str, bool]  # start, end, text, is_punct
REQUIRES = ("documents",)
PROVIDES = ("sentences", "tokens")

# Far above any news article (~150k words); a longer "article" is a dump or a scraping accident,
# and would need more memory than a worker should take for one document.
MAX_CHARS = 1_000_000

# Abbreviations that spaCy's `id` exceptions miss; never the end of a sentence on their own.
EXTRA_ABBREVIATIONS = [
    "Jl.", "Jln.", "Gg.", "PT.", "CV.", "Kab.", "Kec.", "Kel.", "Prov.", "Kota.", "Sdr.", "Sdri.",
    "Bpk.", "Ny.", "Nn.", "Tn.", "Yth.", "Ir.", "H.", "K.H.", "Jend.", "Letjen.", "Mayjen.",
    "Brigjen.", "Kol.", "Kapt.", "Tbk.", "Ltd.", "Inc.", "Co.", "Corp.", "vs.", "tgl.", "Tgl.",
    "jl.", "no.", "hal.", "Rp.", "US$.",
]
# Abbreviations that often close a sentence: a break when the next word starts a new one.
FINAL_ABBREVIATIONS = {"dll.", "dkk.", "dsb.", "dst.", "Tbk.", "Ltd.", "Inc.", "Corp.", "Co."}
SENTENCE_FINAL = {".", "!", "?", "…", "...", "?!", "!?", "!!", "??"}
CLOSING = {'"', "”", "’", "'", ")", "]", "»", "*", "**", "***"}
OPENING = {'"', "“", "‘", "(", "[", "«"}


@Language.component("indonesian_sentences", assigns=["token.is_sent_start"])
def indonesian_sentences(doc: Doc) -> Doc:
    """Set every token's `is_sent_start` (True/False), so no parser or default splitter is needed."""
    starts = {0}
    quote_open = False  # straight quotes: whether the next `"` closes one
    for index, token in enumerate(doc):
        if token.is_space and "\n" in token.text:
            starts.add(index + 1)
            quote_open = False
            continue
        if token.text == '"':
            quote_open = not quote_open
        if token.text not in SENTENCE_FINAL and token.text not in FINAL_ABBREVIATIONS:
            continue
        end = index + 1
        while end < len(doc) and doc[end].text in CLOSING and (doc[end].text != '"' or quote_open):
            end += 1
        if end < len(doc) and _starts_sentence(doc[end].text) and not _is_signature(doc, end):
            starts.add(end)
    # One array write: setting `token.is_sent_start` per token is quadratic in spaCy 3.
    values = numpy.full(len(doc), -1, dtype="int32")
    values[[i for i in starts if i < len(doc)]] = 1
    doc.from_array([SENT_START], values.astype("uint64").reshape(-1, 1))
    return doc


def _is_signature(doc: Doc, index: int) -> bool:
    """`... lebih baik. (AP)` or `(rdp/imk)` closing a paragraph belongs to the sentence before it."""
    if doc[index].text != "(":
        return False
    for end in range(index + 1, min(index + 6, len(doc))):
        if doc[end].text == ")":
            return end + 1 == len(doc) or "\n" in doc[end + 1].text or (doc[end].whitespace_ and doc[end + 1].is_space)
    return False


def _starts_sentence(text: str) -> bool:
    """A new sentence starts with a capital, a digit, or an opening quote or bracket."""
    return text[0].isupper() or text[0].isdigit() or text in OPENING


@lru_cache(maxsize=1)
def load_splitter() -> Language:
    """Built once per process: a blank `id` pipeline with our abbreviations and sentence rules."""
    nlp = spacy.blank("id")
    # Keep hyphenated words whole (`baru-baru`, `negara-negara`, `Kim Jong-un`, `COVID-19`), as the
    # UD and NER corpora do; spaCy's default splits them at the hyphen. Dashes still split.
    infixes = [
        pattern.replace("(?:-|–|", "(?:–|").replace("[\\/-](?=", "\\/(?=")
        for pattern in nlp.Defaults.infixes
        if not pattern.endswith("-(?=[0-9])")
    ]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    for abbreviation in EXTRA_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    nlp.tokenizer.add_special_case("--", [{ORTH: "--"}])
    nlp.add_pipe("indonesian_sentences")
    return nlp


def split(texts: list[str], splitter: str = DEFAULT_SPLITTER, batch_size: int = 64) -> list[list[list[Token]]]:
    """For each text: its sentences, each a list of (start, end, text, is_punct) tokens."""
    if splitter not in SPLITTERS:
        raise ValueError(f"unknown splitter {splitter!r}; choose from {', '.join(SPLITTERS)}")
    if splitter == "stanza":
        from pipeline.stanza_splitter import (
            split_paragraphs,  # torch is imported only for this splitter
        )

        return [split_paragraphs(_paragraphs(text)) for text in texts]
    nlp = load_splitter()
    if splitter == "rules":
        return [_sentences(doc) for doc in nlp.pipe(texts, batch_size=batch_size)]
    senter = load_spacy(UD_MODEL)
    result = []
    for text in texts:
        spans = _paragraphs(text)
        docs = senter.pipe((nlp.make_doc(paragraph) for _, paragraph in spans), disable=["morphologizer", "trainable_lemmatizer"], batch_size=batch_size)
        result.append([sentence for (start, _), doc in zip(spans, docs) for sentence in _sentences(doc, start)])
    return result


def _paragraphs(text: str) -> list[tuple[int, str]]:
    """(offset, paragraph) for each non-empty line: no sentence crosses a paragraph break."""
    return [(match.start(), match.group()) for match in re.finditer(r"[^\n]*\S[^\n]*", text)]


def _sentences(doc: Doc, offset: int = 0) -> list[list[Token]]:
    sentences = []
    for sent in doc.sents:
        tokens = [(offset + t.idx, offset + t.idx + len(t.text), t.text, t.is_punct) for t in sent if not t.is_space]
        if tokens:
            sentences.append(tokens)
    return sentences


def tag(sentences: list[list[str]], batch_size: int = 256) -> list[list[tuple[str, str]]]:
    """(UPOS, lemma) of each token of pre-tokenised sentences, from the shipped UD model."""
    nlp = load_spacy(UD_MODEL)
    docs = (Doc(nlp.vocab, words=words) for words in sentences)
    return [[(t.pos_, t.lemma_) for t in doc] for doc in nlp.pipe(docs, disable=["senter"], batch_size=batch_size)]


def run(tables: dict[str, pa.Table], splitter: str = DEFAULT_SPLITTER) -> dict[str, pa.Table]:
    """documents -> sentences, tokens with UPOS and lemma (+ an error row for a text too long to be an article)."""
    documents, errors = [], []
    for document in tables["documents"].select(["doc_id", "source", "text"]).to_pylist():
        if len(document["text"]) > MAX_CHARS:
            errors.append({
                "source": document["source"], "doc_id": document["doc_id"], "stage": NAME, "kind": "too_long", "severity": "error",
                "message": f"{len(document['text']):,} characters after cleaning, over the {MAX_CHARS:,} an article can have; not split",
            })
        else:
            documents.append(document)
    sentence_rows, token_rows = [], []
    split_documents = split([d["text"] for d in documents], splitter)
    tags = iter(tag([[token[2] for token in sentence] for sentences in split_documents for sentence in sentences]))
    for document, sentences in zip(documents, split_documents):
        text = document["text"]
        for sent_index, tokens in enumerate(sentences):
            start, end = tokens[0][0], tokens[-1][1]
            sentence_rows.append({
                "doc_id": document["doc_id"], "sent_index": sent_index, "start": start, "end": end,
                "text": text[start:end], "n_tokens": len(tokens),
            })
            token_rows.extend(
                {
                    "doc_id": document["doc_id"], "sent_index": sent_index, "token_index": token_index,
                    "start": token_start, "end": token_end, "text": token_text, "is_punct": is_punct,
                    "upos": upos, "lemma": lemma,
                }
                for token_index, ((token_start, token_end, token_text, is_punct), (upos, lemma)) in enumerate(zip(tokens, next(tags)))
            )
    return {
        "sentences": schema.from_rows(sentence_rows, schema.SENTENCES),
        "tokens": schema.from_rows(token_rows, schema.TOKENS),
        "errors": schema.from_rows(errors, schema.ERRORS),
    }
