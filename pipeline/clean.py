"""Clean stage: label every line of a raw article, keep the article's own text, extract metadata.

Each line becomes a block with a label, a keep flag and the rule that decided (`reason`), so a user
can see why any line went and nothing is lost. Rules run in two passes: first what a line says on
its own (a "Baca Juga" marker, an editor line, an ad), then what its neighbours say (a caption
repeated around its credit, the teaser that trails after the article's end, an author bio).
HTML goes through trafilatura first; its text is then labelled the same way.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import pyarrow as pa
import trafilatura

from pipeline import schema
from pipeline.language import detect_language

NAME = "clean"
REQUIRES = ("raw",)
PROVIDES = ("documents", "blocks")

KEEP_LABELS = {"title", "dek", "heading", "body"}

MONTHS = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "feb": 2, "pebruari": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nov": 11, "nop": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
}
TIME_ZONES = {"WIB": 7, "WITA": 8, "WIT": 9, "GMT": 0, "UTC": 0}
DAY_NAMES = r"(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"

DATE_LINE = re.compile(
    rf"^[-–—|•\s]*(?:{DAY_NAMES}\s*,?\s*)?"
    r"(?P<day>\d{1,2})\s+(?P<month>[a-z]+)\.?\s+(?P<year>\d{4})"
    r"(?:\s*[,|-]?\s*(?:pukul\s+)?(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?:[:.]\d{2})?)?"
    r"\s*(?P<zone>WIB|WITA|WIT|GMT|UTC)?\s*$",
    re.IGNORECASE,
)

DOMAIN = r"[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z]{2,}){1,2}"
CITY = r"[A-Z][A-Z.'’ ]{1,40}?"
DASH = r"\s*(?:--|[-–—])\s*"
DATELINES = [
    re.compile(rf"^(?P<outlet>{DOMAIN}),\s*(?P<city>{CITY}){DASH}"),  # REPUBLIKA.CO.ID, WASHINGTON --
    re.compile(rf"^(?P<city>{CITY}),\s*(?P<outlet>{DOMAIN}){DASH}"),  # JAKARTA, SATUHARAPAN.COM -
    re.compile(rf"^(?P<city>[A-Z][A-Za-z.' ]{{1,40}}?)\s*\((?P<outlet>[A-Za-z][A-Za-z.]{{1,20}})\){DASH}"),  # Jakarta (ANTARA) -
    re.compile(rf"^(?P<outlet>{DOMAIN}){DASH}"),  # KOMPAS.com -
]

AGENCIES = {
    "ap": "AP", "ap news": "AP", "apnews": "AP", "associated press": "AP",
    "reuters": "Reuters", "afp": "AFP", "antara": "ANTARA", "xinhua": "Xinhua",
    "bloomberg": "Bloomberg", "yonhap": "Yonhap", "kyodo": "Kyodo", "bbc": "BBC", "cnn": "CNN",
    "anadolu": "Anadolu", "anadolu agency": "Anadolu", "tass": "TASS", "kcna": "KCNA",
}

READ_ALSO = re.compile(
    r"^(?:baca juga|baca pula|simak juga|lihat juga|baca selengkapnya|baca lebih lanjut(?: dari [^:]{1,40})?"
    r"|pilihan editor|berita terkait|artikel terkait)\s*:?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
AD = re.compile(r"^(?:advertisement|iklan|ads?|scroll to continue with content|scroll untuk melanjutkan|sponsored|konten bersponsor)$", re.IGNORECASE)
CALL_TO_ACTION = re.compile(
    r"(?:ikuti|follow|gabung|join|subscribe|langganan|dapatkan (?:update|berita)).{0,60}"
    r"(?:google news|telegram|whatsapp|instagram|twitter|facebook|youtube|tiktok|channel|saluran)"
    r"|^(?:share|bagikan|tweet|salin link|copy link|kirim|komentar)\s*:?$",
    re.IGNORECASE,
)
VIDEO = re.compile(r"^\[gambas:video|^simak video\b|^tonton video\b|^video\s*:", re.IGNORECASE)
CREDIT = re.compile(r"^(?:foto|photo|ilustrasi foto|sumber foto|grafis|infografis|video)\s*:\s*\S|^[A-Z ]*FOTO/", re.IGNORECASE)
SYNDICATION = re.compile(r"^artikel ini (?:telah |sudah )?(?:tayang|terbit|dimuat|dipublikasikan)", re.IGNORECASE)
COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright|hak cipta)", re.IGNORECASE)
NAVIGATION = re.compile(
    r"^(?:tags?|topik|terkait|terkini|terpopuler|populer|trending|berita lainnya|berita terkini|berita populer"
    r"|artikel pilihan|rekomendasi|recent posts|related posts|kabar daerah|selanjutnya|sebelumnya|next|prev"
    r"|load more|muat lebih banyak|lihat semua|beranda|home|halaman \d+ dari \d+|\d{1,3}|[^\w\s]{1,3}|\w)$",
    re.IGNORECASE,
)
CLOSING_INITIALS = re.compile(r"^\(\s*[a-z]{2,5}(?:\s*/\s*[a-z]{2,5})+\s*\)$", re.IGNORECASE)
CREDIT_KEYS = {
    "rep": "authors", "reporter": "authors", "penulis": "authors", "pewarta": "authors",
    "wartawan": "authors", "kontributor": "authors", "oleh": "authors", "laporan": "authors",
    "red": "editor", "editor": "editor", "redaktur": "editor", "penyunting": "editor",
    "sumber": "agency", "source": "agency",
}
PART_SPLIT = re.compile(r"\s*[|/]\s*(?=[A-Za-z]+\s*:)")
KEY_VALUE = re.compile(r"^(?P<key>[A-Za-z]+)\s*:\s*(?P<value>.+)$")
TRAILING_CREDIT = re.compile(r"\((?P<credit>[^()]{2,80})\)\s*$")
PHOTO_CREDIT_WORDS = re.compile(r"\bvia\b|/|getty|images|foto|photo|reuters|\bap\b|afp|antara|kcna|epa|xinhua|yonhap", re.IGNORECASE)
AUTHOR_BIO = re.compile(r"\b(?:saya|aku)\s+(?:adalah\s+)?(?:seorang\s+)?(?:penulis|jurnalis|wartawan|editor|reporter|blogger|kontributor)\b", re.IGNORECASE)
SENTENCE_END = re.compile(r"[.!?…]['\"”’)]*$|\*{3}$")


@dataclass
class Block:
    index: int
    raw_start: int
    raw_end: int
    text: str  # exactly raw_text[raw_start:raw_end]
    clean: str  # whitespace-normalised, what goes into documents.text
    label: str = ""
    reason: str = ""

    @property
    def keep(self) -> bool:
        return self.label in KEEP_LABELS

    def set(self, label: str, reason: str) -> None:
        self.label, self.reason = label, reason


@dataclass
class Metadata:
    title: str | None = None
    outlet: str | None = None
    dateline: str | None = None
    published_at: datetime | None = None
    published_tz: str | None = None
    authors: list[str] | None = None
    editor: str | None = None
    agency: str | None = None


def run(tables: dict[str, pa.Table]) -> dict[str, pa.Table]:
    """raw -> documents, blocks (+ warnings in errors)."""
    documents, blocks, errors = [], [], []
    for article in tables["raw"].to_pylist():
        text, extracted = article["raw_text"], {}
        if article["is_html"]:
            text, extracted = extract_html(article["raw_text"])
            if not text.strip():
                errors.append(_error(article, "no_article", "trafilatura found no article text in the HTML"))
                continue
        document, article_blocks = clean_article(text)
        given = json.loads(article["given_metadata"]) if article["given_metadata"] else {}
        row = _document_row(article, document, extracted | given)
        row["n_blocks_dropped"] = sum(not block.keep and block.label != "blank" for block, _ in article_blocks)
        if not row["text"]:
            errors.append(_error(article, "no_article", "every line was labelled as boilerplate; the document has no text", severity="warning"))
        documents.append(row)
        blocks.extend(_block_row(article["doc_id"], block, start) for block, start in article_blocks)
    return {
        "documents": schema.from_rows(documents, schema.DOCUMENTS),
        "blocks": schema.from_rows(blocks, schema.BLOCKS),
        "errors": schema.from_rows(errors, schema.ERRORS),
    }


def passthrough(tables: dict[str, pa.Table]) -> dict[str, pa.Table]:
    """raw -> documents for input that is clean already (`--stages` without clean): text as given."""
    documents = []
    for article in tables["raw"].to_pylist():
        given = json.loads(article["given_metadata"]) if article["given_metadata"] else {}
        documents.append(_document_row(article, (article["raw_text"], Metadata()), given))
    return {"documents": schema.from_rows(documents, schema.DOCUMENTS)}


def from_blocks(blocks: pa.Table, documents: pa.Table) -> pa.Table:
    """Rebuild the raw table from the blocks of an earlier run, so `berita stage clean` needs no input."""
    lines: dict[str, list[str]] = {}
    for doc_id, text in zip(blocks.column("doc_id").to_pylist(), blocks.column("text").to_pylist()):
        lines.setdefault(doc_id, []).append(text)
    rows = []
    for document in documents.select(["doc_id", "source", "format", "url"]).to_pylist():
        if document["doc_id"] in lines:
            rows.append(document | {"raw_text": "\n".join(lines[document["doc_id"]]), "is_html": False})
    return schema.from_rows(rows, schema.RAW)


def extract_html(html: str) -> tuple[str, dict]:
    """Main text and metadata of an HTML page; the title is put first so it is labelled like plain text."""
    result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    if result is None:
        return "", {}
    found = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    body = found.get("text") or ""
    title = found.get("title")
    metadata = {
        "title": title,
        "url": found.get("url"),
        "outlet": found.get("sitename") or found.get("hostname"),
        "authors": [name.strip() for name in found["author"].split(";")] if found.get("author") else None,
    }
    text = f"{title}\n{body}" if title and not body.startswith(title) else body
    return text, {key: value for key, value in metadata.items() if value}


def clean_article(text: str) -> tuple[tuple[str, Metadata], list[tuple[Block, int | None]]]:
    """Label the lines of one article; return (clean text, metadata) and each block with its offset."""
    blocks = split_blocks(text)
    metadata = Metadata()
    label_by_line(blocks, metadata)
    label_by_context(blocks, metadata)
    parts, placed, offset = [], [], 0
    for block in blocks:
        if block.keep:
            if parts:
                offset += 1
            parts.append(block.clean)
            placed.append((block, offset))
            offset += len(block.clean)
        else:
            placed.append((block, None))
    _parse_dateline(blocks, metadata)
    _trailing_agency(blocks, metadata)
    return ("\n".join(parts), metadata), placed


def split_blocks(text: str) -> list[Block]:
    blocks, start = [], 0
    for index, line in enumerate(text.split("\n")):
        clean = " ".join(line.replace("\u00a0", " ").replace("\u200b", "").split())
        blocks.append(Block(index, start, start + len(line), line, clean))
        start += len(line) + 1
    return blocks


def label_by_line(blocks: list[Block], metadata: Metadata) -> None:
    """First pass: what a line says on its own."""
    for block in blocks:
        line = block.clean
        if not line:
            block.set("blank", "empty_line")
        elif (date := parse_date_line(line)) is not None:
            block.set("date", "date_line")
            if metadata.published_at is None:
                metadata.published_at, metadata.published_tz = date
        elif match := READ_ALSO.match(line):
            block.set("read_also", "read_also_marker" if not match["rest"] else "read_also_with_title")
        elif AD.match(line):
            block.set("ad", "ad_marker")
        elif VIDEO.search(line):
            block.set("ad", "video_embed")
        elif CALL_TO_ACTION.search(line) and len(line) < 200:
            block.set("ad", "call_to_action")
        elif CREDIT.match(line):
            block.set("credit", "photo_credit")
        elif SYNDICATION.match(line):
            block.set("related", "syndication_note")
        elif COPYRIGHT.match(line):
            block.set("nav", "copyright")
        elif CLOSING_INITIALS.match(line):
            block.set("editor", "closing_initials")
        elif (credits := parse_credit_line(line)) is not None:
            block.set(_credit_label(credits), "credit_line:" + "+".join(sorted(credits)))
            _merge_credits(metadata, credits)
        elif NAVIGATION.match(line):
            block.set("nav", "navigation_word")
        elif AUTHOR_BIO.search(line):
            block.set("author_bio", "first_person_bio")


def label_by_context(blocks: list[Block], metadata: Metadata) -> None:
    """Second pass: decisions that need the neighbouring lines."""
    content = [block for block in blocks if block.label != "blank"]
    _label_captions(content)
    _label_after_read_also(content)
    _label_author_names(content, metadata)
    _label_after_article_end(content)
    open_blocks = [block for block in content if not block.label]
    if open_blocks:
        open_blocks[0].set("title", "first_content_line")
        metadata.title = open_blocks[0].clean
    if len(open_blocks) > 2 and _looks_like_dek(open_blocks[1]):
        open_blocks[1].set("dek", "short_line_after_title")
    for block in open_blocks:
        if block.label:
            continue
        if _looks_like_heading(block.clean):
            block.set("heading", "short_line_without_full_stop")
        else:
            block.set("body", "body_text")


def _label_captions(content: list[Block]) -> None:
    for position, block in enumerate(content):
        if block.label:
            continue
        neighbours = content[max(0, position - 3): position] + content[position + 1: position + 4]
        if any(other.clean == block.clean for other in neighbours) and len(block.clean) < 300:
            block.set("caption", "caption_repeated")
        elif any(other.clean.startswith(block.clean + " /") for other in neighbours):
            block.set("caption", "caption_before_credited_copy")
        elif position and (previous := content[position - 1]).label == "caption" and block.clean.startswith(previous.clean + " /"):
            block.set("caption", "caption_with_credit")
        elif _ends_with_photo_credit(block.clean):
            block.set("caption", "caption_with_trailing_credit")


def _ends_with_photo_credit(line: str) -> bool:
    """A short line closed by a parenthesised credit: `... (KCNA via Reuters)`, `... (Foto/AP)`."""
    match = TRAILING_CREDIT.search(line)
    if not match or len(line) > 300:
        return False
    credit = match["credit"]
    sentences = len(re.findall(r"[.!?](?:\s|$)", line[: match.start()]))
    looks_like_credit = bool(PHOTO_CREDIT_WORDS.search(credit)) or credit.isupper()
    return looks_like_credit and sentences <= 1


def _label_after_read_also(content: list[Block]) -> None:
    """A bare "Baca Juga" is followed by the linked headline: drop it when it reads like one."""
    for position, block in enumerate(content[:-1]):
        following = content[position + 1]
        if block.reason == "read_also_marker" and not following.label and _looks_like_heading(following.clean):
            following.set("read_also", "linked_title_after_marker")


def _label_author_names(content: list[Block], metadata: Metadata) -> None:
    for position, block in enumerate(content[1:], 1):
        previous = content[position - 1]
        if block.label == "author_bio" and not previous.label and len(previous.clean.split()) <= 4 and not SENTENCE_END.search(previous.clean):
            previous.set("author_bio", "name_before_bio")
            metadata.authors = metadata.authors or [previous.clean]


def _label_after_article_end(content: list[Block]) -> None:
    """Lines after the closing editor/source line belong to other articles (teasers, related links)."""
    seen_body = False
    ended = False
    for block in content:
        if ended and not block.label:
            block.set("related", "after_article_end")
        elif not block.label and SENTENCE_END.search(block.clean) and len(block.clean) > 120:
            seen_body = True
        elif seen_body and block.label in {"editor", "source", "byline"}:
            ended = True


def _looks_like_dek(block: Block) -> bool:
    return len(block.clean) <= 200 and not any(pattern.match(block.clean) for pattern in DATELINES)


def _looks_like_heading(line: str) -> bool:
    return len(line) <= 120 and len(line.split()) <= 15 and not re.search(r"[.,;:]['\"”’]*$", line)


def parse_date_line(line: str) -> tuple[datetime, str | None] | None:
    """`Kamis 03 Nov 2022 16:40 WIB`, `- 6 September 2022, 16:31 WIB` -> (aware datetime, zone)."""
    match = DATE_LINE.match(line)
    if not match or match["month"].lower() not in MONTHS:
        return None
    zone = (match["zone"] or "WIB").upper()
    try:
        local = datetime(
            int(match["year"]), MONTHS[match["month"].lower()], int(match["day"]),
            int(match["hour"] or 0), int(match["minute"] or 0),
            tzinfo=timezone(timedelta(hours=TIME_ZONES[zone])),
        )
    except ValueError:
        return None
    return local, match["zone"].upper() if match["zone"] else None


def parse_credit_line(line: str) -> dict[str, list[str]] | None:
    """`Rep: X/ Red: Y`, `Penulis : X | Editor : Y`, `Sumber: AP News` -> {field: [values]}."""
    if len(line) > 150:
        return None
    credits: dict[str, list[str]] = {}
    for part in PART_SPLIT.split(line):
        match = KEY_VALUE.match(part.strip())
        if not match or match["key"].lower() not in CREDIT_KEYS:
            return None
        credits.setdefault(CREDIT_KEYS[match["key"].lower()], []).append(match["value"].strip())
    return credits or None


def _credit_label(credits: dict[str, list[str]]) -> str:
    if "authors" in credits:
        return "byline"
    return "source" if set(credits) == {"agency"} else "editor"


def _merge_credits(metadata: Metadata, credits: dict[str, list[str]]) -> None:
    if "authors" in credits and not metadata.authors:
        metadata.authors = [name for value in credits["authors"] for name in re.split(r"\s*(?:,|&|\bdan\b)\s*", value) if name]
    if "editor" in credits and not metadata.editor:
        metadata.editor = credits["editor"][0]
    if "agency" in credits and not metadata.agency:
        metadata.agency = normalise_agency(credits["agency"][0])


def normalise_agency(name: str) -> str:
    key = re.sub(r"[^a-z ]", "", name.lower()).strip()
    return AGENCIES.get(key, name.strip())


def _parse_dateline(blocks: list[Block], metadata: Metadata) -> None:
    for block in blocks:
        if block.label != "body":
            continue
        for pattern in DATELINES:
            if match := pattern.match(block.clean):
                found = match.groupdict()
                metadata.outlet = found["outlet"].lower() if "." in found["outlet"] else found["outlet"]
                metadata.dateline = found.get("city", "").strip() or None
                if found["outlet"].lower() in AGENCIES and not metadata.agency:
                    metadata.agency = AGENCIES[found["outlet"].lower()]
                return
        return  # only the first body line carries a dateline


def _trailing_agency(blocks: list[Block], metadata: Metadata) -> None:
    """An agency signature closing the last body paragraph: `... dengan lebih baik. (AP)`."""
    body = [block for block in blocks if block.label == "body"]
    if body and not metadata.agency and (match := TRAILING_CREDIT.search(body[-1].clean)):
        if match["credit"].lower() in AGENCIES:
            metadata.agency = AGENCIES[match["credit"].lower()]


def _document_row(article: dict, cleaned: tuple[str, Metadata], given: dict) -> dict:
    text, metadata = cleaned
    found = {key: value for key, value in vars(metadata).items() if value is not None}
    merged = found | given  # what the input states beats what we parsed
    published = merged.get("published_at")
    if isinstance(published, str):
        published = _parse_iso(published)
    return {
        "doc_id": article["doc_id"],
        "source": article["source"],
        "format": article["format"],
        "url": article["url"] or merged.get("url"),
        "outlet": merged.get("outlet"),
        "title": merged.get("title"),
        "published_at": published,
        "published_tz": merged.get("published_tz"),
        "dateline": merged.get("dateline"),
        "authors": merged.get("authors") or [],
        "editor": merged.get("editor"),
        "agency": merged.get("agency"),
        "text": text,
        "n_words": len(text.split()),
        "language": detect_language(text),
    }


def _parse_iso(value: str) -> datetime | None:
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone(timedelta(hours=7)))


def _block_row(doc_id: str, block: Block, start: int | None) -> dict:
    return {
        "doc_id": doc_id,
        "block_index": block.index,
        "raw_start": block.raw_start,
        "raw_end": block.raw_end,
        "text": block.text,
        "label": block.label,
        "keep": block.keep,
        "reason": block.reason,
        "start": start,
        "end": None if start is None else start + len(block.clean),
    }


def _error(article: dict, kind: str, message: str, severity: str = "error") -> dict:
    return {"source": article["source"], "doc_id": article["doc_id"], "stage": NAME, "kind": kind, "severity": severity, "message": message}
