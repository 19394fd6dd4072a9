"""The shipped NER model on the seeds and on held-out gold splits it was never trained on."""

from __future__ import annotations

import pytest

from pipeline.entities import RELABEL_SOURCE
from pipeline.models import NER_MODEL
from pipeline.evaluate import evaluate_ner
from tests.conftest import require_data

TARGETS = [
    ({"Kim Jong Un"}, "PER"), ({"Shoigu", "Sergei Shoigu"}, "PER"), ({"Kirby", "John Kirby"}, "PER"),
    ({"Vladimir Putin"}, "PER"), ({"Rusia"}, "LOC"), ({"Korea Utara"}, "LOC"), ({"Ukraina"}, "LOC"),
    ({"Amerika Serikat"}, "LOC"), ({"Pyongyang"}, "LOC"), ({"PBB"}, "ORG"), ({"Gedung Putih"}, "ORG"),
]


@pytest.mark.parametrize("names, label", TARGETS)
def test_seed_entities_found_with_their_label(seed_tables, names, label):
    """Exact spans: a cut ("Korea") or an overlong span ("Korea Utara Tetap") does not count."""
    entities = seed_tables["entities"]
    found = entities[entities["text"].isin(names)]
    assert (found["label"] == label).any(), found[["text", "label"]].value_counts()


def test_full_and_short_names_both_found(seed_tables):
    texts = set(seed_tables["entities"].query("label == 'PER'")["text"])
    assert {"Sergei Shoigu", "Shoigu", "John Kirby", "Kirby"} <= texts


def test_relabelled_entities_were_found_by_the_model(seed_tables):
    """The seat-of-government rule only relabels spans; each such span is a model span."""
    relabelled = seed_tables["entities"][seed_tables["entities"]["source"].str.endswith(RELABEL_SOURCE)]
    assert len(relabelled) > 0
    assert set(relabelled["label"]) == {"ORG"}


@pytest.mark.parametrize("gold, floor", [(("ner", "nerui", "test.01.tsv"), 0.80), (("ner", "nergrit", "valid.txt"), 0.62)])
def test_held_out_ner_f1(gold, floor):
    scores = evaluate_ner(require_data(*gold), NER_MODEL)
    assert scores["f1"] >= floor
    assert set(scores["per_label"]) == {"PER", "ORG", "LOC"}
