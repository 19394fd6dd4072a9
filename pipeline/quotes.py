"""Quotations and their speakers, from the cues Indonesian news writes around them.

Direct quotes are the words in quote marks, kept when a speech cue frames them (`“...,” kata Kirby`,
`Sullivan mengatakan: “...”`) or they continue the previous speaker's quote, or they are a whole
sentence (a quote with no cue is still a quote; a two-word phrase in quote marks is usually a term).
Indirect quotes are reported speech: `X mengatakan (bahwa) ...`, `Menurut X, ...`, `..., kata X.`.
The speaker is the entity the cue points at. `speaker_resolved_by` records how:
- `cue`: the entity named at the cue (the person if one is named there, else an organisation or
  place that is the whole subject, as in "Gedung Putih mengatakan");
- `apposition`: "Dmitry Peskov, juru bicara Kremlin, mengatakan" — the name before the role;
- `pronoun`: katanya / ujarnya / kata dia -> the previous speaker in the article, or without one
  the last person named before the quote;
- `continuation`: a quote that follows a quote of the same speaker with no cue of its own;
- `name_at_cue`: the cue names someone the NER model missed ("kata Kirby" with "Kirby" untagged,
  "Dmitry Peskov, juru bicara Kremlin, mengatakan"): the capitalised name itself is the speaker,
  resolved to a person the article names in full when one contains it, with no entity row.
An unnamed speaker ("kata seorang pejabat AS") gives a quote with a null speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

AFTER_CUES = ("kata", "ujar", "ungkap", "tutur", "ucap", "jelas", "tambah", "imbuh", "tegas", "sebut", "lanjut", "terang", "papar", "pungkas", "tulis", "seru", "tanya")
BEFORE_CUES = (
    "mengatakan", "menyatakan", "berkata", "menegaskan", "menambahkan", "menjelaskan", "menyebut", "menyebutkan",
    "mengungkapkan", "menuturkan", "mengklaim", "memperingatkan", "menulis", "mengumumkan", "membantah",
    "menekankan", "berujar", "bertanya", "menanggapi", "mengonfirmasi", "mengkonfirmasi", "memverifikasi",
    "memaparkan", "menjabarkan", "menuduh", "melaporkan", "dilaporkan", "dikatakan",
)
PRONOUNS = ("dia", "ia", "beliau", "mereka")
NAME = re.compile(r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,3}")
ROLE_START = re.compile(r"(juru bicara|jubir|menteri|presiden|wakil|kepala|ketua|direktur|penasihat|duta besar|pejabat|sekretaris|pemimpin|komandan|panglima|gubernur|anggota|mantan)\b", re.IGNORECASE)

CLAUSE_BREAK = re.compile(r",|\s[-–—]{1,2}\s|:\s|\n")  # a dateline "WASHINGTON -- " or a paragraph break ends a clause too
QUOTE_PAIRS = {"\u201c": "\u201d", '"': '"', "\u201e": "\u201d"}
AFTER_CUE = re.compile(r"[\s,.]*\b(" + "|".join(AFTER_CUES) + r")(nya\b|\b)\s*(" + "|".join(PRONOUNS) + r")?\b", re.IGNORECASE)
BEFORE_CUE = re.compile(r"\b(" + "|".join(BEFORE_CUES) + r")\b[^,.:\u201c\"]{0,40}?[,:]?\s*$", re.IGNORECASE)
REPORTED = re.compile(r"\b(" + "|".join(BEFORE_CUES) + r")\b(?:[^.,\u201c\"]{0,60}?\bbahwa\b|\s*,|\s*:)?\s*", re.IGNORECASE)
ACCORDING = re.compile(r"(?:^|,\s*)\b[Mm]enurut\s+([^,.]{2,80})", re.IGNORECASE)
TRAILING_CUE = re.compile(r",\s*(" + "|".join(AFTER_CUES) + r")(nya\b|\b)\s*([^,.]{0,80})[.!?]?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Entity:
    index: int | None  # None: a name at a cue that the NER model did not tag
    start: int
    end: int
    label: str | None
    canonical: str


@dataclass
class Quote:
    start: int
    end: int
    kind: str
    cue: str | None = None
    speaker: Entity | None = None
    resolved_by: str | None = None


def find_quotes(text: str, sentence_spans: list[tuple[int, int]], entities: list[Entity]) -> list[Quote]:
    """Direct and indirect quotes of one document, in text order, each with its speaker when named."""
    sentence_starts = [start for start, _ in sentence_spans]
    direct = _direct_quotes(text, sentence_spans, sentence_starts, entities)
    indirect = [q for q in _indirect_quotes(text, sentence_spans, entities) if not any(_overlaps(q, d) and not _frames(q, d) for d in direct)]
    quotes = sorted(direct + indirect, key=lambda q: q.start)
    previous: Quote | None = None  # the last quote with a speaker
    last_direct: Quote | None = None
    for quote in quotes:
        if quote.resolved_by == "pronoun":
            people_before = [e for e in entities if e.label == "PER" and e.end <= quote.start]
            quote.speaker = previous.speaker if previous else (people_before[-1] if people_before else None)
        elif quote.resolved_by == "continuation":
            quote.speaker = last_direct.speaker if last_direct else None
        if quote.speaker is None:
            quote.resolved_by = None
        else:
            previous = quote
        if quote.kind == "direct":
            last_direct = quote
    return quotes


def _direct_quotes(text: str, spans: list[tuple[int, int]], starts: list[int], entities: list[Entity]) -> list[Quote]:
    quotes: list[Quote] = []
    for open_at, close_at in quote_mark_spans(text):
        inner_start, inner_end = open_at + 1, close_at
        words = text[inner_start:inner_end].split()
        sentence_start = spans[max(bisect_right(starts, open_at) - 1, 0)][0]
        quote = Quote(inner_start, _strip_end(text, inner_start, inner_end), "direct")
        after = AFTER_CUE.match(text, close_at + 1)
        before = BEFORE_CUE.search(text, sentence_start, open_at)
        if after and (after.group(2) or after.group(3)):
            quote.cue, quote.resolved_by = after.group(0).strip(" ,."), "pronoun"
        elif after:
            quote.cue = after.group(1)
            clause_end = _clause_end(text, after.end())
            quote.speaker, quote.resolved_by = _speaker_in(entities, after.end(), clause_end, text), "cue"
            if quote.speaker is None:
                quote.speaker, quote.resolved_by = _name_at_cue(text, after.end(), clause_end, entities), "name_at_cue"
        elif before:
            quote.cue = before.group(1)
            quote.speaker, quote.resolved_by = _subject(text, entities, sentence_start, before.start())
        elif quotes and _adjacent(text, quotes[-1], open_at):
            quote.resolved_by = "continuation"
        elif len(words) < 5 or text[inner_end - 1] not in ".,!?":
            continue
        quotes.append(quote)
    return quotes


def quote_mark_spans(text: str) -> list[tuple[int, int]]:
    """(open, close) positions of quote pairs within a paragraph; an unclosed quote runs to its paragraph's end."""
    pairs = []
    position = 0
    while position < len(text):
        opener = text[position]
        if opener in QUOTE_PAIRS:
            paragraph_end = text.find("\n", position)
            paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
            close_at = text.find(QUOTE_PAIRS[opener], position + 1, paragraph_end)
            close_at = paragraph_end if close_at < 0 else close_at
            if close_at - position > 2:
                pairs.append((position, close_at))
            position = close_at + 1
        else:
            position += 1
    return pairs


def _indirect_quotes(text: str, spans: list[tuple[int, int]], entities: list[Entity]) -> list[Quote]:
    quotes = []
    for sentence_start, sentence_end in spans:
        sentence = text[sentence_start:sentence_end]
        if according := ACCORDING.search(sentence):
            comma = sentence.find(",", according.end())
            if comma > 0:
                name_start = sentence_start + according.start(1)
                speaker = _speaker_in(entities, name_start, sentence_start + according.end(1), text)
                quotes.append(Quote(sentence_start + comma + 1, sentence_end, "indirect", "menurut", speaker, "cue" if speaker else None))
                continue
        if trailing := TRAILING_CUE.search(sentence):
            quote = Quote(sentence_start, sentence_start + trailing.start(), "indirect", trailing.group(1))
            said_by = trailing.group(3).strip()
            if trailing.group(2) or said_by.lower() in PRONOUNS:
                quote.resolved_by = "pronoun"
            else:
                quote.speaker = _speaker_in(entities, sentence_start + trailing.start(3), sentence_start + trailing.end(3), text)
                quote.resolved_by = "cue" if quote.speaker else None
            quotes.append(quote)
            continue
        if reported := _reporting_verb(sentence):
            content_start = sentence_start + reported.end()
            if content_start >= sentence_end - 3 or text[content_start] in QUOTE_PAIRS:
                continue
            speaker, resolved_by = _subject(text, entities, sentence_start, sentence_start + reported.start())
            quotes.append(Quote(content_start, sentence_end, "indirect", reported.group(1), speaker, resolved_by))
    for quote in quotes:
        quote.start = _skip_space(text, quote.start, quote.end)
        quote.end = _strip_end(text, quote.start, quote.end)
    return [quote for quote in quotes if quote.end - quote.start > 3]


def _reporting_verb(sentence: str) -> re.Match | None:
    """The first speech verb that introduces a clause ("tanpa menyebut nama, ..." does not)."""
    for match in REPORTED.finditer(sentence):
        comma = sentence.find(",", match.end())
        if "bahwa" in match.group(0) or comma < 0 or len(sentence[match.end():comma].split()) > 2:
            return match
    return None


def _subject(text: str, entities: list[Entity], sentence_start: int, cue_start: int) -> tuple[Entity | None, str | None]:
    """The speaker before a cue verb: a person in the verb's clause, a name before a role, or a whole-clause name."""
    boundaries = [m.end() for m in CLAUSE_BREAK.finditer(text, sentence_start, cue_start)]
    clause_start = boundaries[-1] if boundaries else sentence_start
    if boundaries and not text[clause_start:cue_start].strip():  # "X, juru bicara Y, mengatakan"
        cue_start = boundaries.pop() - 1
        clause_start = boundaries[-1] if boundaries else sentence_start
    clause = [e for e in entities if clause_start <= e.start and e.end <= cue_start]
    people = [e for e in clause if e.label == "PER"]
    if people:
        return people[-1], "cue"
    clause_text = text[clause_start:cue_start].strip()
    if clause_start > sentence_start and text[clause_start - 1] == "," and ROLE_START.match(clause_text):
        before_role = text[:clause_start - 1].rstrip()
        named = [e for e in entities if e.label == "PER" and sentence_start <= e.start and e.end == len(before_role)]
        if named:
            return named[-1], "apposition"
        name_start = max([m.end() for m in CLAUSE_BREAK.finditer(text, sentence_start, len(before_role))] or [sentence_start])
        if name := _name_at_cue(text, name_start, len(before_role), entities):
            return name, "name_at_cue"
    whole = [e for e in clause if text[e.start:e.end] == clause_text]
    return (whole[0], "cue") if whole else (None, None)


def _speaker_in(entities: list[Entity], start: int, end: int, text: str) -> Entity | None:
    inside = [e for e in entities if start <= e.start and e.end <= end]
    people = [e for e in inside if e.label == "PER"]
    if people:
        return people[-1]
    whole = [e for e in inside if text[e.start:e.end] == text[start:end].strip(" ,.")]
    return whole[0] if whole else None


def _name_at_cue(text: str, start: int, end: int, entities: list[Entity]) -> Entity | None:
    """A capitalised name of one to four words between `start` and `end`, as the speaker."""
    span = text[start:end]
    name = span.strip(" ,.")
    if not NAME.fullmatch(name):
        return None
    name_start = start + span.index(name)
    words = f" {name.casefold()} "
    people = [e.canonical for e in entities if e.label == "PER" and words in f" {e.canonical.casefold()} "]
    return Entity(None, name_start, name_start + len(name), "PER" if people else None, people[-1] if people else name)


def _clause_end(text: str, start: int) -> int:
    ends = [i for i in (text.find(mark, start) for mark in (",", ".", "\n", "\u201c", '"')) if i >= 0]
    return min(ends, default=len(text))


def _adjacent(text: str, previous: Quote, open_at: int) -> bool:
    """Nothing but the previous quote's cue sentence (or a paragraph break) lies between the two quotes."""
    between = text[previous.end:open_at]
    return len(between) < 160 and "\u201c" not in between and between.count("\n") <= 1


def _frames(reported: Quote, direct: Quote) -> bool:
    """Reported speech that quotes a fragment inside it ("akan “membayar akibat” karena ...") is two quotes."""
    inside = reported.start <= direct.start and direct.end <= reported.end
    return inside and (direct.end - direct.start) < 0.8 * (reported.end - reported.start)


def _overlaps(a: Quote, b: Quote) -> bool:
    return a.start < b.end and b.start < a.end


def _skip_space(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _strip_end(text: str, start: int, end: int) -> int:
    """Drop the trailing space and the final comma/period a quote or clause carries."""
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",.\u201d\""):
        end -= 1
    return end
