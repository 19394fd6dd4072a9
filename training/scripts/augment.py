"""Mention replacement for NER training: the same sentence again with other names in its entities.

A CNN tagger that saw "Sergei Lavrov, menteri luar negeri Rusia, mengatakan" tags Lavrov, but
misses "Dmitry Peskov, juru bicara Kremlin, mengatakan": it learned the names more than the
contexts. Replacing each entity with another entity of the same label drawn from the training
corpus (Dai & Adel 2020, "mention replacement") keeps every context and varies the names.

International news names people no Indonesian corpus has seen ("Dmitry Peskov" is tagged
nothing: "-try" reads like "Industry", "Ministry"). So a share of the PER replacements are names
made by Faker in the languages Indonesian news reports from, Cyrillic ones spelled as English-language
wires spell them (Dmitry, Sergei, Yevgeny): the model learns name shapes, not a list of people.

A name the model never saw has no trained row of its own in the hashed word table ("Peskov" gets
whatever rows other words left there), so another share of the PER replacements are invented:
random syllables in a name's shape, new every time, which teaches the model to find a person by
shape and context when the word itself says nothing.

An organisation named after a person (the Wagner group, Ford, Bloomberg) looks like a surname;
the words before it say what it is. So an ORG after an organisation noun ("kelompok",
"perusahaan", "partai" ...; within `noun_window` words, the ones between lowercase: "kelompok
militan Hamas") is sometimes replaced by a surname, still ORG. Such contexts are rare in the
corpora (and "kelompok Abu Sayyaf" is tagged PER there), while Faker's surnames are only ever
people, so `phrase_share` of the other ORG entities become a surname introduced by an
organisation phrase: the same surnames are then people in one sentence and organisations in
another, and only the context tells them apart. The phrase is an organisation noun and up to two
words that follow such a noun in the corpus ("kelompok militan bersenjata", "perusahaan minyak
swasta"), so that the model also looks three words back ("kelompok tentara bayaran Wagner"):
before the corpus's ORGs the noun mostly stands alone.

Used from a config as `[corpora.train.augmenter] @augmenters = "berita.mention_replacement.v1"`,
with `--code scripts/augment.py`; the original example is always kept.
"""

import random
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import spacy
from faker import Faker
from spacy.tokens import Doc, DocBin
from spacy.training import Example

LABELS = ("PER", "ORG", "LOC")
COMMON_WORDS = 200  # the most frequent lowercase words: function words, not descriptions
ONSETS = ["", "b", "d", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "sh", "ch", "kh", "tr", "pr", "dm", "br"]
VOWELS = ["a", "e", "i", "o", "u", "y", "ia", "ou"]
CODAS = ["", "", "", "n", "k", "v", "r", "s", "l", "m", "t", "sk", "ng"]
CYRILLIC = dict(zip("абвгдезийклмнопрстуфыэіґ", "abvgdeziyklmnoprstufyeig")) | {
    "ё": "yo", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ь": "", "ю": "yu", "я": "ya", "ї": "yi", "є": "ye",
}


@dataclass(frozen=True)
class Replacement:
    """What `replaced` draws from: names by label, made names, surnames, and how often each is used."""

    names: dict[str, list[tuple[str, ...]]]
    foreign: list[tuple[str, ...]]
    surnames: list[str]
    nouns: set[str]
    phrase_nouns: list[str]
    descriptors: list[str]
    surname_share: float
    phrase_share: float
    foreign_share: float
    invented_share: float
    noun_window: int
    invented_labels: set[str]


@spacy.registry.augmenters("berita.mention_replacement.v1")
def create_mention_replacement(
    pool: str, level: float, organisation_nouns: list[str], surname_share: float, locales: list[str], foreign_share: float, invented_share: float = 0.0, noun_window: int = 1,
    invented_labels: Sequence[str] = ("PER",), phrase_share: float = 0.0,
) -> Callable[[spacy.Language, Example], Iterator[Example]]:
    """`pool`: the .spacy file (or folder of them) whose entities are drawn; `level`: the share of
    sentences given a replaced copy; `surname_share`: how often an ORG after one of
    `organisation_nouns` gets a surname instead of another organisation, and `phrase_share` how
    often any other ORG becomes an organisation phrase and a surname; `foreign_share`: how often
    a person gets a name made in one of the Faker `locales` instead of a corpus name, and
    `invented_share` how often an invented one (for each of `invented_labels`)."""
    nouns = {noun.lower() for noun in organisation_nouns}
    names, surnames, phrase_nouns, descriptors = entity_pool(Path(pool), nouns, noun_window)
    foreign = foreign_names(locales)
    replacement = Replacement(
        names, foreign, surnames + [name[-1] for name in foreign], nouns, phrase_nouns, descriptors,
        surname_share, phrase_share, foreign_share, invented_share, noun_window, set(invented_labels),
    )

    def augment(nlp: spacy.Language, example: Example) -> Iterator[Example]:
        yield example
        if random.random() < level and example.reference.ents:
            yield replaced(nlp, example.reference, replacement)

    return augment


def entity_pool(path: Path, nouns: set[str], window: int) -> tuple[dict[str, list[tuple[str, ...]]], list[str], list[str], list[str]]:
    """Every entity's words by label; the last word of every PER entity of two words or more; the
    organisation nouns found before ORGs; and the words that follow an organisation noun anywhere
    ("kelompok militan", "perusahaan minyak"), lowercase and not among the corpus's most frequent
    words ("yang", "itu")."""
    files = sorted(path.glob("*.spacy")) if path.is_dir() else [path]
    vocab = spacy.blank("id").vocab
    names: dict[str, list[tuple[str, ...]]] = {label: [] for label in LABELS}
    surnames, phrase_nouns, following = [], [], []
    frequency: Counter[str] = Counter()
    for file in files:
        for doc in DocBin().from_disk(file).get_docs(vocab):
            frequency.update(token.text for token in doc if token.is_lower)
            following += [doc[token.i + 1].text for token in doc[:-1] if token.lower_ in nouns and doc[token.i + 1].is_lower and doc[token.i + 1].is_alpha]
            for ent in doc.ents:
                words = tuple(token.text for token in ent)
                names.setdefault(ent.label_, []).append(words)
                if ent.label_ == "PER" and len(words) > 1 and words[-1][:1].isupper() and words[-1].isalpha():
                    surnames.append(words[-1])
                noun = _organisation_noun(doc, ent.start, nouns, window)
                if ent.label_ == "ORG" and noun is not None:
                    phrase_nouns.append(doc[noun].lower_)
    common = {word for word, _ in frequency.most_common(COMMON_WORDS)}
    return names, surnames, phrase_nouns, [word for word in following if word not in common]


def foreign_names(locales: list[str], per_locale: int = 1000) -> list[tuple[str, ...]]:
    """(first, last) names, the same every run; Cyrillic transliterated."""
    made = []
    for locale in locales:
        fake = Faker(locale)
        fake.seed_instance(0)
        for i in range(per_locale):
            first, last = (fake.first_name_male(), fake.last_name_male()) if i % 2 else (fake.first_name_female(), fake.last_name_female())
            made.append(tuple(f"{_latin(first)} {_latin(last)}".split()))
    return made


def _latin(name: str) -> str:
    """Transliterated as English-language news does: Дмитрий -> Dmitry, Евгений -> Yevgeny."""
    if not any(c.lower() in CYRILLIC for c in name):
        return name
    name = re.sub(r"ий\b", "y", name)
    name = re.sub(r"\bЕ", "Ye", name)
    name = re.sub(r"(?<=[аеиоуыэюяь])е", "ye", name)
    return "".join(CYRILLIC.get(c.lower(), c).capitalize() if c.isupper() else CYRILLIC.get(c, c) for c in name)


def _organisation_noun(doc: Doc, start: int, nouns: set[str], window: int) -> int | None:
    """Where the organisation noun before `start` is, if only lowercase words come between."""
    for token in reversed(doc[max(0, start - window): start]):
        if token.lower_ in nouns:
            return token.i
        if not token.is_lower:
            return None
    return None


def invented_name(words: int) -> tuple[str, ...]:
    """"Kavetrov Dulisan": two or three random syllables a word, capitalised."""
    made = []
    for _ in range(words):
        syllables = [random.choice(ONSETS) + random.choice(VOWELS) + random.choice(CODAS) for _ in range(random.randint(2, 3))]
        made.append("".join(syllables).capitalize())
    return tuple(made)


def replaced(nlp: spacy.Language, reference: Doc, r: Replacement) -> Example:
    """`reference` with each entity's words swapped; tokens outside entities keep their (maybe missing) tags."""
    tags = ["O" if token.ent_iob_ == "O" else "-" for token in reference]
    entities = {ent.start: ent for ent in reference.ents}
    words, spaces, new_tags = [], [], []
    i = 0
    while i < len(reference):
        ent = entities.get(i)
        if ent is None:
            words.append(reference[i].text)
            spaces.append(bool(reference[i].whitespace_))
            new_tags.append(tags[i])
            i += 1
            continue
        person = ent.label_ == "PER"
        introduced = ent.label_ == "ORG" and _organisation_noun(reference, ent.start, r.nouns, r.noun_window) is not None
        if ent.label_ == "ORG" and r.surnames and introduced and random.random() < r.surname_share:
            swap: tuple[str, ...] = (random.choice(r.surnames),)
        elif ent.label_ == "ORG" and r.phrase_nouns and not introduced and random.random() < r.phrase_share:
            phrase = [random.choice(r.phrase_nouns), *random.choices(r.descriptors, k=random.randint(0, 2) if r.descriptors else 0)]
            words.extend(phrase)
            spaces.extend([True] * len(phrase))
            new_tags.extend(["O"] * len(phrase))
            swap = (random.choice(r.surnames),)
        elif ent.label_ in r.invented_labels and (draw := random.random()) < (r.foreign_share if person else 0) + r.invented_share:
            name = random.choice(r.foreign) if person and draw < r.foreign_share else invented_name(random.randint(2, 3) if person else random.randint(1, 2))
            swap = name[-1:] if len(ent) == 1 else name
        else:
            swap = random.choice(r.names[ent.label_]) if r.names.get(ent.label_) else tuple(token.text for token in ent)
        words.extend(swap)
        spaces.extend([True] * (len(swap) - 1) + [bool(ent[-1].whitespace_)])
        new_tags.extend([f"U-{ent.label_}"] if len(swap) == 1 else [f"B-{ent.label_}"] + [f"I-{ent.label_}"] * (len(swap) - 2) + [f"L-{ent.label_}"])
        i = ent.end
    return Example.from_dict(Doc(nlp.vocab, words=words, spaces=spaces), {"entities": new_tags})
