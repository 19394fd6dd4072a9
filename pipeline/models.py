"""The models shipped in models/: where they are, loading them once per process, telling them apart.

Nothing here downloads: a model is a folder on disk or an error.
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"
NER_MODEL = MODELS_DIR / "ner-id"
UD_MODEL = MODELS_DIR / "ud-id"
STANZA_MODELS = MODELS_DIR / "stanza-id"


def ner_model_path() -> Path:
    """The NER model to use: $BERITA_NER_MODEL if set, else the shipped one."""
    return Path(os.environ.get("BERITA_NER_MODEL", NER_MODEL))


def open_spacy(path: Path) -> Language:
    """A fresh copy from disk only (callers that add components to it cache it themselves)."""
    if not (path / "meta.json").is_file():
        raise FileNotFoundError(f"no spaCy model at {path} (the training/ projects build them)")
    return spacy.load(path)


@lru_cache(maxsize=4)
def load_spacy(path: Path) -> Language:
    """Loaded once per process (and per worker), from disk only."""
    return open_spacy(path)


@lru_cache(maxsize=8)
def fingerprint(path: Path) -> str:
    """Digest of a model's files, so a retrained model under the same name counts as a change.

    Cached per process: every shard's marker needs it, and reading the model again each time would
    put megabytes of I/O on the hot path.
    """
    digest = hashlib.blake2b(digest_size=8)
    for file in sorted(p for p in path.rglob("*") if p.is_file()):
        digest.update(file.relative_to(path).as_posix().encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()


def model_name(nlp: Language) -> str:
    return f"{nlp.meta['lang']}_{nlp.meta['name']}-{nlp.meta['version']}"
