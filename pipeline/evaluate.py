"""Scores of the shipped models on gold files: `berita evaluate ner|sentences`."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pandas as pd
from spacy.tokens import Doc
from spacy.training import Example

from pipeline import models, sentences
from pipeline.clean import clean_article
from pipeline.corpora import bio_to_doc, read_bio, read_conllu
from pipeline.entities import load_ner


def evaluate_ner(gold: Path, model: Path, edges: bool = True) -> dict:
    """Entity-level exact-match P/R/F1 (spaCy's scorer) on gold tokenisation, of the model as the
    entities stage runs it (with the `entity_edges` rule unless `edges` is false)."""
    nlp = load_ner(model, edges)
    examples = [
        Example(Doc(nlp.vocab, words=sentence.words), bio_to_doc(nlp.vocab, sentence))
        for sentence in read_bio(gold)
    ]
    scores = nlp.evaluate(examples)
    return {
        "gold": str(gold),
        "model": models.model_name(nlp),
        "sentences": len(examples),
        "precision": scores["ents_p"],
        "recall": scores["ents_r"],
        "f1": scores["ents_f"],
        "per_label": {label: {"precision": v["p"], "recall": v["r"], "f1": v["f"]} for label, v in sorted(scores["ents_per_type"].items())},
        "words_per_second": round(scores["speed"]),
    }


def gold_spans(gold: Path) -> tuple[str, list[tuple[int, int]], list[tuple[int, int]]]:
    """The whole file as one text (sentences joined by a space) with gold sentence and token spans."""
    parts, sentence_spans, token_spans, offset = [], [], [], 0
    for sentence in read_conllu(gold):
        position = 0
        for token in sentence.tokens:
            found = sentence.text.find(token, position)
            if found < 0:  # the form differs from the text (rare normalisation): skip the token
                continue
            token_spans.append((offset + found, offset + found + len(token)))
            position = found + len(token)
        sentence_spans.append((offset, offset + len(sentence.text)))
        parts.append(sentence.text)
        offset += len(sentence.text) + 1
    return " ".join(parts), sentence_spans, token_spans


def boundary_scores(gold: list[tuple[int, int]], predicted: list[tuple[int, int]]) -> dict:
    """Precision/recall/F1 of exactly matching character spans, as in the CoNLL 2018 UD evaluation."""
    correct = len(set(gold) & set(predicted))
    precision = correct / len(predicted) if predicted else 0.0
    recall = correct / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "gold": len(gold), "predicted": len(predicted)}


def evaluate_sentences(gold: Path, splitter: str = sentences.DEFAULT_SPLITTER) -> dict:
    """Sentence and token boundary F1 of a splitter on a CoNLL-U file, plus UPOS and lemma accuracy
    of the tagger on the gold tokens (lemmas compared lowercased; files without lemmas give none)."""
    text, gold_sentences, gold_tokens = gold_spans(gold)
    [predicted] = sentences.split([text], splitter)
    predicted_sentences = [(tokens[0][0], tokens[-1][1]) for tokens in predicted]
    predicted_tokens = [(start, end) for tokens in predicted for start, end, _, _ in tokens]
    return {
        "gold": str(gold),
        "splitter": splitter,
        "sentences": boundary_scores(gold_sentences, predicted_sentences),
        "tokens": boundary_scores(gold_tokens, predicted_tokens),
        **tagging_accuracy(gold),
    }


def tagging_accuracy(gold: Path) -> dict:
    ud = read_conllu(gold)
    predicted = sentences.tag([s.tokens for s in ud])
    pairs = [(g_pos, g_lemma, p_pos, p_lemma) for s, tags in zip(ud, predicted) for g_pos, g_lemma, (p_pos, p_lemma) in zip(s.upos, s.lemmas, tags)]
    with_lemma = [(g, p) for _, g, _, p in pairs if g and g != "_"]
    return {
        "upos_accuracy": sum(g == p for g, _, p, _ in pairs) / len(pairs),
        "lemma_accuracy": sum(g.lower() == p.lower() for g, p in with_lemma) / len(with_lemma) if with_lemma else None,
    }


def kept_lines(raw_lines: list[str]) -> list[str | None]:
    """What the clean stage keeps of each raw line of one article (None: nothing of it)."""
    _, blocks = clean_article("\n".join(raw_lines))
    kept: dict[int, list[str]] = defaultdict(list)
    for block, start in blocks:
        if start is not None:
            kept[block.line].append(block.clean)
    return [" ".join(kept[i]) if i in kept else None for i in range(len(raw_lines))]


def evaluate_quotes(gold: pd.DataFrame, documents: pd.DataFrame, predicted: pd.DataFrame, min_overlap: float = 0.5) -> dict:
    """Quote P/R/F1 against gold quotes of the same articles, and speaker accuracy on matched ones.

    Gold rows give `file`, `kind`, `quote` (verbatim) and `speaker_canonical`; a predicted quote
    matches a gold one of its document when their character spans overlap by `min_overlap` of
    their union (reported speech has no marks to agree on where it starts). A speaker is right when
    one name contains the other as whole words, case-insensitively ("Joe Biden" for the gold
    "pemerintahan Joe Biden"); an unnamed gold speaker matches only a null prediction.
    """
    doc_of = {Path(source).name: doc_id for doc_id, source in zip(documents["doc_id"], documents["source"])}
    texts = dict(zip(documents["doc_id"], documents["text"]))
    gold_rows = []
    for row in gold.itertuples():
        doc_id = doc_of[row.file]
        start = texts[doc_id].find(row.quote)
        if start >= 0:
            gold_rows.append((doc_id, start, start + len(row.quote), row.kind, row.speaker_canonical))
    matched: dict[int, dict] = {}
    for quote in predicted.itertuples():
        spans = [(i, _overlap((quote.start, quote.end), g[1:3])) for i, g in enumerate(gold_rows) if g[0] == quote.doc_id and i not in matched]
        best = max(spans, key=lambda pair: pair[1], default=(None, 0.0))
        if best[1] >= min_overlap:
            matched[best[0]] = quote._asdict()
    with_speaker = [i for i in matched if gold_rows[i][4]]
    right_speaker = [i for i in matched if _same_speaker(matched[i]["speaker_canonical"], gold_rows[i][4])]
    precision = len(matched) / len(predicted) if len(predicted) else 0.0
    recall = len(matched) / len(gold_rows) if gold_rows else 0.0
    return {
        "gold": len(gold_rows),
        "unlocated": len(gold) - len(gold_rows),  # gold quotes not in documents.text (cleaned away)
        "predicted": len(predicted),
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "speaker_accuracy": len(right_speaker) / len(matched) if matched else 0.0,
        "named_speaker_accuracy": len([i for i in with_speaker if i in right_speaker]) / len(with_speaker) if with_speaker else 0.0,
        "matches": [(gold_rows[i], matched[i]) for i in sorted(matched)],
    }


def _same_speaker(predicted: object, gold: str) -> bool:
    if not isinstance(predicted, str) or not gold:
        return not isinstance(predicted, str) and not gold
    a, b = f" {predicted.casefold()} ", f" {gold.casefold()} "
    return a in b or b in a


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return max(shared, 0) / (max(a[1], b[1]) - min(a[0], b[0]))
