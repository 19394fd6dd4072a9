"""The `stanza` splitter: Stanza's neural tokenizer trained here (models/stanza-id), loaded offline.

Kept apart from `sentences` so that torch is imported only when this splitter is chosen.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import stanza

from pipeline.models import STANZA_MODELS
from pipeline.sentences import Token

TOKENIZER = STANZA_MODELS / "id_berita_tokenizer.pt"


@lru_cache(maxsize=1)
def load_pipeline() -> stanza.Pipeline:
    """Once per process; `download_method=None` and explicit paths: nothing is fetched."""
    if not TOKENIZER.is_file():
        raise FileNotFoundError(f"no Stanza tokenizer at {TOKENIZER} (train it with training/stanza)")
    return stanza.Pipeline(
        lang="id", dir=str(STANZA_MODELS), processors="tokenize", tokenize_model_path=str(TOKENIZER),
        download_method=None, use_gpu=False, logging_level="WARN",
    )


def split_paragraphs(paragraphs: list[tuple[int, str]]) -> list[list[Token]]:
    """Sentences of (offset, paragraph) pairs, in order, with offsets into the whole text."""
    nlp = load_pipeline()
    documents = nlp.bulk_process([stanza.Document([], text=paragraph) for _, paragraph in paragraphs])
    return [
        [(offset + t.start_char, offset + t.end_char, t.text, _is_punct(t.text)) for t in sentence.tokens]
        for (offset, _), document in zip(paragraphs, documents)
        for sentence in document.sentences
    ]


def _is_punct(text: str) -> bool:
    return all(unicodedata.category(char).startswith("P") for char in text)
