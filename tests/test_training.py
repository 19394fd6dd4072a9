"""The NER training's augmenter, loaded the way `spacy train --code` loads it, on real NER UI sentences."""

from __future__ import annotations

import random

import spacy
import srsly
from spacy.tokens import DocBin
from spacy.training import Example
from spacy.util import import_file, load_config

from pipeline.corpora import bio_to_doc, read_bio
from tests.conftest import ROOT, require_data

AUGMENT = ROOT / "training" / "scripts" / "augment.py"
SHIPPED_CONFIG = ROOT / "training" / srsly.read_yaml(ROOT / "training" / "project.yml")["vars"]["config"]
CONFIG = load_config(SHIPPED_CONFIG)


def augmenter(pool, **overrides):
    """The shipped recipe's augmenter settings, some overridden, with `pool` as the entity pool."""
    import_file("augment", AUGMENT)
    settings = {key: value for key, value in CONFIG["corpora"]["train"]["augmenter"].items() if not key.startswith("@")}
    return spacy.registry.augmenters.get("berita.mention_replacement.v1")(**(settings | {"pool": str(pool), **overrides}))


def nerui_examples(tmp_path):
    """NER UI dev sentences, and NER UI train as the pool their entities are drawn from."""
    nlp = spacy.blank("id")
    train, dev = ([bio_to_doc(nlp.vocab, sentence) for sentence in read_bio(require_data("ner", "nerui", f"{split}.01.tsv"))] for split in ("train", "dev"))
    DocBin(docs=train).to_disk(tmp_path / "pool.spacy")
    return nlp, [Example(doc.copy(), doc) for doc in dev], tmp_path / "pool.spacy"


def outside_entities(doc) -> list[str]:
    return [token.text for token in doc if token.ent_iob_ == "O"]


def test_a_replaced_copy_keeps_every_word_outside_the_entities(tmp_path):
    nlp, examples, pool = nerui_examples(tmp_path)
    augment = augmenter(pool, level=1.0, phrase_share=0.0)
    random.seed(0)
    for example in examples:
        produced = list(augment(nlp, example))
        assert produced[0] is example
        if example.reference.ents:
            copy = produced[1].reference
            assert outside_entities(copy) == outside_entities(example.reference)
            assert [e.label_ for e in copy.ents] == [e.label_ for e in example.reference.ents]


def test_organisations_become_a_surname_introduced_by_an_organisation_phrase(tmp_path):
    """With phrase_share 1, an ORG with no organisation noun before it becomes "<noun> [words] <Surname>"."""
    nlp, examples, pool = nerui_examples(tmp_path)
    settings = CONFIG["corpora"]["train"]["augmenter"]
    nouns = set(settings["organisation_nouns"])
    augment = augmenter(pool, level=1.0, phrase_share=1.0, surname_share=0.0, invented_share=0.0)
    random.seed(0)
    introduced = 0
    for example in examples:
        if not any(ent.label_ == "ORG" and ent.start == 0 for ent in example.reference.ents):
            continue
        copy = list(augment(nlp, example))[1].reference
        organisation = next(ent for ent in copy.ents if ent.label_ == "ORG")
        phrase = copy[: organisation.start]
        assert len(organisation) == 1 and organisation.text[:1].isupper()
        assert phrase[0].lower_ in nouns and all(token.is_lower for token in phrase)
        introduced += 1
    assert introduced > 10
