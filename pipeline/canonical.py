"""One name per entity: resolve short mentions within an article and common short forms everywhere.

Analyses count people and places, not strings: "Shoigu" after "Sergei Shoigu", "AS" next to
"Amerika Serikat" and "KIM JONG UN" in a headline are each one entity. Resolution is deliberately
conservative, because a wrong merge is worse for counting than a missed one:
- `alias`: a short form in ALIASES (AS -> Amerika Serikat, Korut -> Korea Utara, PBB -> ...);
- `acronym`: an acronym the article defines itself, "Badan Intelijen Negara (BIN)";
- `longer_mention`: a person's partial name that is part of a longer name of a person in the same
  article (Kirby -> John Kirby); when two people fit ("Kim" in an article naming Kim Jong Un and Kim
  Il Sung), the one named last before the mention, as a reader would take it, or else the first
  named after it; a
  one-word mention the model labelled otherwise resolves the same way ("Watson" tagged LOC after
  "Adrienne Watson"), keeping the model's label;
- `longer_mention` also takes an organisation's name to the one longer name of an organisation
  in the article that starts with it ("Dewan Keamanan Nasional" -> "Dewan Keamanan Nasional Gedung
  Putih"); with two such names ("Kementerian Pertahanan Rusia" and "... Korea Utara") it stays;
- `caption`: a person's partial name that is part of exactly one full name given only in the
  article's photo captions ("Putin" when only a caption says "Vladimir Putin");
- `case`: an ALL-CAPS mention written normally elsewhere in the article;
- `self`: none of these; the mention, whitespace-normalised, is its own canonical name.
Places are never merged with a longer name ("Rusia" inside "Kementerian Pertahanan Rusia" stays
the country), only through aliases (which include the epithets "Negeri Paman Sam", "Kerajaan
Pertapa") and acronyms.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# Short forms of one name in Indonesian news, keyed case-insensitively. Values are the canonical
# names; only names written one way across outlets belong here.
ALIASES = {
    "as": "Amerika Serikat",
    "a.s.": "Amerika Serikat",
    "amerika": "Amerika Serikat",
    "usa": "Amerika Serikat",
    "korut": "Korea Utara",
    "dprk": "Korea Utara",
    "republik demokratik rakyat korea": "Korea Utara",
    "korsel": "Korea Selatan",
    "republik korea": "Korea Selatan",
    "pbb": "Perserikatan Bangsa-Bangsa",
    "perserikatan bangsa bangsa": "Perserikatan Bangsa-Bangsa",
    "dk pbb": "Dewan Keamanan PBB",
    "dewan keamanan perserikatan bangsa-bangsa": "Dewan Keamanan PBB",
    "ue": "Uni Eropa",
    "federasi rusia": "Rusia",
    "cina": "China",
    "tiongkok": "China",
    "rrt": "China",
    "rrc": "China",
    "britania raya": "Inggris",
    "ri": "Indonesia",
    "republik indonesia": "Indonesia",
    "pakta pertahanan atlantik utara": "NATO",
    "tni": "Tentara Nasional Indonesia",
    "polri": "Kepolisian Negara Republik Indonesia",
    "kpk": "Komisi Pemberantasan Korupsi",
    "dpr": "Dewan Perwakilan Rakyat",
    "mpr": "Majelis Permusyawaratan Rakyat",
    "kemlu": "Kementerian Luar Negeri",
    "kemenlu": "Kementerian Luar Negeri",
    "kemhan": "Kementerian Pertahanan",
    "kemenhan": "Kementerian Pertahanan",
    "asean": "ASEAN",
    "uni soviet": "Uni Soviet",
    # epithets Indonesian news uses for countries, one each
    "kerajaan pertapa": "Korea Utara",
    "negeri paman sam": "Amerika Serikat",
    "negeri tirai bambu": "China",
    "negeri sakura": "Jepang",
    "negeri ginseng": "Korea Selatan",
    "negeri jiran": "Malaysia",
    "negeri beruang merah": "Rusia",
    "negeri kanguru": "Australia",
    "negeri singa": "Singapura",
    "negeri gajah putih": "Thailand",
    "negeri kincir angin": "Belanda",
    "negeri piramida": "Mesir",
    "negeri samba": "Brasil",
}

NAME_PARTICLES = {"bin", "binti", "van", "von", "de", "da", "al", "el", "la", "le", "di", "dos", "del"}

# "X (Y)" right after a mention: one of the two is the other's acronym.
PARENTHESIS = re.compile(r"\s*\(([^()\n]{2,80})\)")
ACRONYM = re.compile(r"^[A-Z][A-Za-z.&-]{1,9}$")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    label: str


def normalise(text: str) -> str:
    """Whitespace collapsed and typographic apostrophes/hyphens made plain."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2010", "-").replace("\u2011", "-")
    return " ".join(text.split())


def resolve(mentions: list[Mention], text: str, captioned: list[str] = ()) -> list[tuple[str, str]]:
    """(canonical, resolved_by) for each mention of one document, in the given order; `captioned` are
    the people named in the article's captions."""
    forms = [normalise(m.text) for m in mentions]
    acronyms = _defined_acronyms(mentions, forms, text)
    people: dict[str, list[int]] = {}
    for form, mention in zip(forms, mentions):
        if mention.label == "PER" and _looks_like_name(form):
            people.setdefault(form.casefold(), []).append(mention.start)
    organisations = {form.casefold() for form, mention in zip(forms, mentions) if mention.label == "ORG"}
    written = {form.casefold(): form for form in forms if not _all_caps(form)}
    caption_names = {normalise(name).casefold(): normalise(name) for name in captioned if _looks_like_name(normalise(name))}
    resolved = []
    for form, mention in zip(forms, mentions):
        key = form.casefold()
        if key in ALIASES:
            resolved.append((ALIASES[key], "alias"))
        elif (mention.label, key) in acronyms:
            full = acronyms[mention.label, key]
            resolved.append((ALIASES.get(full.casefold(), full), "acronym"))
        elif (mention.label == "PER" or len(key.split()) == 1) and (longer := _longer_name(key, mention.start, people)):
            resolved.append((_cased(longer, written, forms), "longer_mention"))
        elif mention.label == "PER" and len(fits := _longest_containing(key, caption_names)) == 1:
            resolved.append((caption_names[fits[0]], "caption"))
        elif mention.label == "ORG" and len(key.split()) > 1 and len(longer := _longest_containing(key, organisations, at_start=True)) == 1:
            resolved.append((_cased(longer[0], written, forms), "longer_mention"))
        elif _all_caps(form) and len(form) > 5 and key in written:
            resolved.append((written[key], "case"))
        else:
            resolved.append((form, "self"))
    return resolved


def _looks_like_name(form: str) -> bool:
    """Every word capitalised, bar name particles: a model's over-long span ("Biden baru-baru") is no full name."""
    return all(word[0].isupper() or word in NAME_PARTICLES for word in form.split())


def _all_caps(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _cased(key: str, written: dict[str, str], forms: list[str]) -> str:
    return written.get(key) or next(form for form in forms if form.casefold() == key)


def _longer_name(key: str, position: int, people: dict[str, list[int]]) -> str | None:
    """The longer person name in the article that contains `key` as whole words, nearest before it."""
    maximal = _longest_containing(key, people)
    if len(maximal) <= 1:
        return maximal[0] if maximal else None
    before = [(max(p for p in people[name] if p < position), name) for name in maximal if min(people[name]) < position]
    return max(before)[1] if before else min((min(people[name]), name) for name in maximal)[1]


def _longest_containing(key: str, names: Iterable[str], at_start: bool = False) -> list[str]:
    """The names that contain `key` as whole words (`at_start`: as their first words) and are not
    part of another such name."""
    words = key.split()
    containing = [
        name for name in names
        if len(name.split()) > len(words) and (name.split()[: len(words)] == words if at_start else _contains(name.split(), words))
    ]
    return [name for name in containing if not any(other != name and _contains(other.split(), name.split()) for other in containing)]


def _contains(words: list[str], part: list[str]) -> bool:
    return any(words[i:i + len(part)] == part for i in range(len(words) - len(part) + 1))


def _defined_acronyms(mentions: list[Mention], forms: list[str], text: str) -> dict[tuple[str, str], str]:
    """Acronyms the article spells out: "Badan Intelijen Negara (BIN)" or "BIN (Badan Intelijen Negara)"."""
    defined = {}
    for mention, form in zip(mentions, forms):
        match = PARENTHESIS.match(text, mention.end)
        if not match:
            continue
        inner = normalise(match.group(1))
        short, full = (inner, form) if len(inner) < len(form) else (form, inner)
        if ACRONYM.match(short) and len(full.split()) > 1 and _initials_fit(short, full):
            defined[mention.label, short.casefold()] = full
    return defined


def _initials_fit(short: str, full: str) -> bool:
    """Every capital of the acronym starts a word of the full name, in order (tolerates Bahasa's KPK, Kemenlu)."""
    initials = [word[0].upper() for word in re.split(r"[\s-]+", full) if word]
    capitals = [c for c in short if c.isupper()]
    position = 0
    for capital in capitals:
        while position < len(initials) and initials[position] != capital:
            position += 1
        if position == len(initials):
            return False
        position += 1
    return True
