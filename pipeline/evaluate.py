"""Scores of the shipped models on gold files: `berita evaluate ner|sentences`."""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Doc
from spacy.training import Example

from pipeline import entities, sentences
from pipeline.corpora import bio_to_doc, read_bio, read_conllu


def evaluate_ner(gold: Path, model: Path) -> dict:
    """Entity-level exact-match P/R/F1 (spaCy's scorer) on gold tokenisation."""
    nlp = entities.load_model(model)
    examples = [
        Example(Doc(nlp.vocab, words=sentence.words), bio_to_doc(nlp.vocab, sentence))
        for sentence in read_bio(gold)
    ]
    scores = nlp.evaluate(examples)
    return {
        "gold": str(gold),
        "model": entities.model_name(nlp),
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


def evaluate_sentences(gold: Path) -> dict:
    text, gold_sentences, gold_tokens = gold_spans(gold)
    [predicted] = sentences.split([text])
    predicted_sentences = [(tokens[0][0], tokens[-1][1]) for tokens in predicted]
    predicted_tokens = [(start, end) for tokens in predicted for start, end, _, _ in tokens]
    return {
        "gold": str(gold),
        "splitter": "rules:indonesian_sentences",
        "sentences": boundary_scores(gold_sentences, predicted_sentences),
        "tokens": boundary_scores(gold_tokens, predicted_tokens),
    }
