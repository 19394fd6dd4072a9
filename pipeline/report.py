"""`berita report`: one self-contained HTML page over the tables in OUT.

The page holds aggregates and a single article, never the corpus, so it stays under 100 KB for
100k documents; each table is read for the columns a section needs, and the article's rows by a
filter on its doc_id. Inline CSS only and a Content-Security-Policy that forbids fetching anything,
so the file opens offline and can be mailed as it is.
"""

from __future__ import annotations

import html
import json
import os
from collections.abc import Container, Sequence
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.dataset as ds
from spacy import displacy

from pipeline import runner, schema, tables
from pipeline.boilerplate import TIME_ZONES

LABELS = {"PER": "People", "ORG": "Organisations", "LOC": "Places"}
COLORS = {"PER": "#aa9cfc", "ORG": "#7aecec", "LOC": "#feca74"}
# displaCy's own entity template, with the canonical name as a tooltip.
ENT_TEMPLATE = displacy.templates.TPL_ENT.replace('<mark class="entity"', '<mark class="entity" title="{canonical}"')
DISPLACY_OPTIONS = {"colors": COLORS, "template": ENT_TEMPLATE}
MAX_DAYS = 92  # beyond this, publication dates are counted per month
MAX_OUTLETS = 25
PAIR_CHUNK = 50_000  # documents per block of the co-mention matrix: bounds its memory

CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px auto;max-width:1220px;color:#222;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
h3{font-size:14px;margin:0 0 6px}.muted{color:#777;font-size:12px}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin-top:14px}.card{background:#f4f5f7;border-radius:6px;padding:8px 14px;min-width:110px}
.card b{display:block;font-size:20px}.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(340px,1fr));gap:24px;align-items:start}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:2px 8px 2px 0;vertical-align:top}
th{font-size:12px;color:#555;border-bottom:1px solid #ccc}td.n,th.n{text-align:right;white-space:nowrap}
.bar{display:inline-block;width:180px;height:10px;background:#eef1f5;border-radius:2px}.bar span{display:block;height:10px;background:#8fb3de;border-radius:2px}
.chip{display:inline-block;font-size:11px;font-weight:bold;border-radius:3px;padding:0 4px;margin-left:4px}
.quote{font-style:italic;color:#444}.nw{white-space:nowrap}.narrow{max-width:820px}.scroll{max-height:520px;overflow-y:auto}
.article{border:1px solid #ddd;border-radius:6px;padding:12px 18px}.line{margin:0 0 6px}
.line>.entities{display:inline}.keep-title{font-size:1.25em;font-weight:bold}.keep-heading,.keep-dek{font-weight:bold}
del{color:#a33;text-decoration-thickness:1px}.tag{font-size:11px;color:#fff;background:#b55;border-radius:3px;padding:0 4px;margin-left:6px;white-space:nowrap}
"""


def build_report(out: Path, doc_id: str | None = None, top: int = 20) -> str:
    """The report on the tables in `out` as one HTML string; `doc_id` picks the article shown."""
    out = Path(out)
    if not out.is_dir():
        raise runner.UsageError(f"{out} not found: run `berita run INPUT --out {out}` first")
    if not tables.list_shards(out, "documents"):
        raise runner.UsageError(f"no tables in {out}: run `berita run` first")
    documents = _read(out, "documents", ["doc_id", "outlet", "published_at", "published_tz", "n_words", "n_blocks_dropped"])
    mentions = _mentions(out)
    quotes = _read(out, "quotes", ["doc_id", "quote_index", "start", "end", "kind", "speaker_canonical", "speaker_label"], categorical=["doc_id", "kind", "speaker_canonical", "speaker_label"])
    errors = _read(out, "errors", ["stage", "kind", "severity"])
    per_entity = (
        mentions.groupby(["label", "canonical"], observed=True)
        .agg(documents=("doc_id", "size"), mentions=("count", "sum"))
        .reset_index()
        .astype({"label": str, "canonical": str})
        .sort_values(["documents", "mentions", "canonical"], ascending=[False, False, True])
    )
    leaders = per_entity.groupby("label", observed=True).head(top)
    chosen = doc_id if doc_id is not None else _most_entities(mentions, documents)
    body = [
        _header(out, documents, mentions, per_entity, quotes, errors),
        '<div class="grid">',
        _outlets(documents),
        _days(documents),
        "</div>",
        "<h2>Most mentioned, by documents</h2>",
        '<div class="grid">',
        *(_top_entities(label, leaders[leaders["label"] == label]) for label in LABELS),
        "</div>",
        _co_mentions(mentions, leaders, top),
        _speakers(out, quotes, top),
        _errors(errors),
        _article(out, chosen) if chosen is not None else "<h2>Article</h2><p>No documents.</p>",
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        f"<title>berita report: {_e(out.name)}</title><style>{CSS}</style></head>\n<body>\n" + "\n".join(body) + "\n</body></html>\n"
    )


def write_report(out: Path, path: Path | None = None, doc_id: str | None = None, top: int = 20) -> Path:
    """Write the report (default OUT/report.html) under a temporary name, then rename it into place."""
    page = build_report(out, doc_id, top)
    path = Path(path) if path is not None else Path(out) / "report.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    temporary.write_text(page, encoding="utf-8")
    os.replace(temporary, path)
    return path


def _read(out: Path, name: str, columns: list[str], where: ds.Expression | None = None, categorical: Sequence[str] = (), part: str | None = None) -> pd.DataFrame:
    """Only `columns` of a table (of one part file, if given); an absent table (stage not run) reads as zero rows.

    `categorical` columns come straight from Parquet's dictionary pages as pandas categoricals:
    for millions of mention rows naming a few thousand entities, a fifth of the memory of strings.
    """
    if tables.list_shards(out, name):
        parquet = ds.ParquetFileFormat(read_options=ds.ParquetReadOptions(dictionary_columns=list(categorical)))
        folder = tables.table_dir(out, name)
        dataset = ds.dataset(folder / part if part and (folder / part).is_file() else folder, format=parquet)
    else:
        dataset = ds.dataset(schema.TABLES[name].empty_table())
    present = [column for column in columns if column in dataset.schema.names]
    return dataset.to_table(columns=present, filter=where).to_pandas()


def _mentions(out: Path) -> pd.DataFrame:
    return _read(out, "mentions", ["doc_id", "canonical", "label", "count"], categorical=["doc_id", "canonical", "label"])


def _most_entities(mentions: pd.DataFrame, documents: pd.DataFrame) -> str | None:
    if not mentions.empty:
        counts = mentions.groupby("doc_id", observed=True)["count"].sum()
        return str(counts[counts == counts.max()].index.astype(str).min())
    return str(documents["doc_id"].min()) if not documents.empty else None


def _e(value: object) -> str:
    return html.escape(str(value))


def _n(value: float) -> str:
    return f"{int(value):,}"


def _named(name: str, label: str | None) -> str:
    return f'<span class="nw">{_e(name)}{_chip(label) if isinstance(label, str) else ""}</span>'


def _chip(label: str) -> str:
    return f'<span class="chip" style="background:{COLORS.get(label, "#ddd")}">{_e(label)}</span>'


def _table(headers: list[str], rows: list[list[str]], numeric: Container[int] = (), empty: str = "none") -> str:
    """Cells are HTML already (escaped by the caller); `numeric` columns are right-aligned."""
    if not rows:
        return f'<p class="muted">{_e(empty)}</p>'
    head = "".join(f'<th class="n">{h}</th>' if i in numeric else f"<th>{h}</th>" for i, h in enumerate(headers))
    lines = ["".join(f'<td class="n">{c}</td>' if i in numeric else f"<td>{c}</td>" for i, c in enumerate(row)) for row in rows]
    return f"<table><tr>{head}</tr>" + "".join(f"<tr>{line}</tr>" for line in lines) + "</table>"


def _bar(value: float, largest: float) -> str:
    return f'<span class="bar"><span style="width:{100 * value / largest if largest else 0:.1f}%"></span></span>'


def _header(out: Path, documents: pd.DataFrame, mentions: pd.DataFrame, per_entity: pd.DataFrame, quotes: pd.DataFrame, errors: pd.DataFrame) -> str:
    manifest_path = out / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.is_file() else {}
    made = f"tables of <code>{_e(manifest.get('command', '?'))}</code>, {_e(manifest.get('finished_at', '?'))}, schema {_e(manifest.get('schema_version', '?'))}" if manifest else "no manifest.json"
    severe = int((errors["severity"] == "error").sum()) if "severity" in errors else len(errors)
    cards = [
        ("documents", _n(len(documents))),
        ("words", _n(documents["n_words"].sum())),
        ("lines dropped", _n(documents["n_blocks_dropped"].fillna(0).sum())),
        ("entity mentions", _n(mentions["count"].sum())),
        ("distinct entities", _n(len(per_entity))),
        ("quotes", _n(len(quotes))),
        ("errors", f"{_n(len(errors))}" + (f' <span class="muted">({severe} skipped)</span>' if len(errors) else "")),
    ]
    return (
        f"<h1>berita report: {_e(out.resolve())}</h1><div class=\"muted\">{made}</div>"
        '<div class="cards">' + "".join(f"<div class=\"card\"><b>{value}</b>{_e(name)}</div>" for name, value in cards) + "</div>"
    )


def _outlets(documents: pd.DataFrame) -> str:
    grouped = documents.assign(outlet=documents["outlet"].fillna("unknown")).groupby("outlet", observed=True).agg(documents=("doc_id", "size"), words=("n_words", "sum"))
    grouped = grouped.sort_values(["documents", "words"], ascending=False)
    shown, rest = grouped.head(MAX_OUTLETS), grouped.iloc[MAX_OUTLETS:]
    largest = grouped["documents"].max() if len(grouped) else 0
    rows = [[_e(name), _n(row.documents), _n(row.words), _bar(row.documents, largest)] for name, row in zip(shown.index, shown.itertuples())]
    if len(rest):
        rows.append([f"<i>{len(rest):,} other outlets</i>", _n(rest["documents"].sum()), _n(rest["words"].sum()), ""])
    return "<div><h2>Documents per outlet</h2>" + _table(["outlet", "documents", "words", ""], rows, {1, 2}) + "</div>"


def _days(documents: pd.DataFrame) -> str:
    """Publication day as the article printed it: UTC shifted by its zone (WIB when none was given)."""
    hours = documents["published_tz"].map(TIME_ZONES).fillna(7).astype("float64")
    local = (documents["published_at"] + pd.to_timedelta(hours, unit="h")).dt.tz_localize(None)
    unit, form = ("day", "%Y-%m-%d") if local.dt.normalize().nunique() <= MAX_DAYS else ("month", "%Y-%m")
    counts = local.dt.strftime(form).fillna("unknown").value_counts()
    counts = counts.reindex(sorted(counts.index, key=lambda key: (key == "unknown", key)))
    largest = counts.max() if len(counts) else 0
    rows = [[_e(key), _n(value), _bar(value, largest)] for key, value in counts.items()]
    return f"<div><h2>Documents per publication {unit}</h2><div class=\"scroll\">" + _table([unit, "documents", ""], rows, {1}) + "</div></div>"


def _top_entities(label: str, leaders: pd.DataFrame) -> str:
    rows = [[_e(row.canonical), _n(row.documents), _n(row.mentions)] for row in leaders.itertuples()]
    return f"<div><h3>{LABELS[label]} {_chip(label)}</h3>" + _table(["name", "documents", "mentions"], rows, {1, 2}) + "</div>"


def _co_mentions(mentions: pd.DataFrame, leaders: pd.DataFrame, limit: int) -> str:
    """Pairs among the leading entities only: a documents x leaders 0/1 matrix, multiplied by itself in blocks."""
    title = f"<h2>Mentioned together <span class=\"muted\">(pairs among the top {limit} of each label; share: of the documents of the rarer one)</span></h2>"
    keys = leaders[["label", "canonical"]].reset_index(drop=True)
    label, canonical, document = (mentions[column].astype("category").cat for column in ("label", "canonical", "doc_id"))
    lookup = np.full((len(label.categories), len(canonical.categories)), -1, dtype=np.int32)  # (label, canonical) codes -> leader
    lookup[label.categories.get_indexer(keys["label"]), canonical.categories.get_indexer(keys["canonical"])] = np.arange(len(keys))
    key = lookup[label.codes.to_numpy(), canonical.codes.to_numpy()]
    documents = document.codes.to_numpy()[key >= 0]
    key = key[key >= 0]
    if not len(key):
        return title + '<p class="muted">no entities</p>'
    together = np.zeros((len(keys), len(keys)), dtype=np.int64)
    count = len(document.categories)
    for low in range(0, count, PAIR_CHUNK):
        inside = (documents >= low) & (documents < low + PAIR_CHUNK)
        matrix = np.zeros((min(PAIR_CHUNK, count - low), len(keys)), dtype=np.float32)
        matrix[documents[inside] - low, key[inside]] = 1
        together += (matrix.T @ matrix).astype(np.int64)
    first, second = np.triu_indices(len(keys), k=1)
    pairs = pd.DataFrame({"a": first, "b": second, "documents": together[first, second]})
    pairs = pairs[pairs["documents"] > 0].sort_values(["documents", "a", "b"], ascending=[False, True, True]).head(limit)
    alone = np.diag(together)
    rows = [
        [_named(keys.canonical[a], keys.label[a]), _named(keys.canonical[b], keys.label[b]), _n(n), f"{n / min(alone[a], alone[b]):.0%}"]
        for a, b, n in pairs.itertuples(index=False)
    ]
    return title + '<div class="narrow">' + _table(["entity", "entity", "documents", "share"], rows, {2, 3}) + "</div>"


def _speakers(out: Path, quotes: pd.DataFrame, limit: int) -> str:
    title = "<h2>Most quoted speakers</h2>"
    named = quotes[quotes["speaker_canonical"].notna()].assign(direct=lambda frame: frame["kind"] == "direct")
    speakers = (
        named.groupby(["speaker_canonical", "speaker_label"], observed=True, dropna=False)
        .agg(quotes=("doc_id", "size"), direct=("direct", "sum"), documents=("doc_id", "nunique"))
        .reset_index()
        .astype({"speaker_canonical": str})
        .sort_values(["quotes", "documents", "speaker_canonical"], ascending=[False, False, True])
        .head(limit)
    )
    if speakers.empty:
        return title + '<p class="muted">no quotes with a speaker resolved to an entity</p>'
    example = _examples(out, named[named["speaker_canonical"].isin(speakers["speaker_canonical"])])
    rows = [
        [_named(row.speaker_canonical, row.speaker_label), _n(row.quotes), _n(row.direct), _n(row.documents), _quote(example.loc[row.speaker_canonical])]
        for row in speakers.itertuples()
    ]
    unnamed = len(quotes) - len(named)
    note = f'<p class="muted">{unnamed:,} of {len(quotes):,} quotes have no speaker resolved to an entity.</p>' if unnamed else ""
    return title + _table(["speaker", "quotes", "direct", "documents", "for example"], rows, {1, 2, 3}) + note


def _examples(out: Path, quotes: pd.DataFrame) -> pd.DataFrame:
    """One quote per speaker, direct and about 120 characters if there is one; only those texts are read."""
    order = (quotes["kind"] != "direct").astype(int) * 10_000 + (quotes["end"] - quotes["start"] - 120).abs()
    chosen = quotes.assign(order=order).sort_values("order", kind="stable").drop_duplicates("speaker_canonical")
    chosen = chosen[["doc_id", "quote_index", "speaker_canonical", "kind"]].astype({"doc_id": str, "speaker_canonical": str, "kind": str})
    texts = _read(out, "quotes", ["doc_id", "quote_index", "text"], ds.field("doc_id").isin(chosen["doc_id"].tolist()))
    return chosen.merge(texts, on=["doc_id", "quote_index"]).set_index("speaker_canonical")


def _quote(quote: pd.Series, length: int = 240) -> str:
    """Direct quotes in quote marks; reported speech without, since those are not the speaker's words."""
    text = quote["text"] if len(quote["text"]) <= length else quote["text"][: length - 1].rstrip() + "…"
    return f'<span class="quote">“{_e(text)}”</span>' if quote["kind"] == "direct" else f'<span class="quote">{_e(text)}</span> <span class="muted">(reported)</span>'


def _errors(errors: pd.DataFrame) -> str:
    if errors.empty:
        return ""
    counts = errors.groupby(["stage", "kind", "severity"], observed=True).size().sort_values(ascending=False)
    rows = [[_e(stage), _e(kind), _e(severity), _n(n)] for (stage, kind, severity), n in counts.items()]
    return "<h2>Errors</h2>" + _table(["stage", "kind", "severity", "rows"], rows, {3})


def _article(out: Path, doc_id: str) -> str:
    """One article as it came in: kept lines with displaCy's entity marks, dropped lines struck through."""
    this = ds.field("doc_id") == doc_id
    part = _part(out, this)
    if part is None:
        raise runner.UsageError(f"no document {doc_id} in {out}")
    document = _read(out, "documents", ["source", "outlet", "title", "published_at", "published_tz", "n_words", "language", "text"], this, part=part).iloc[0]
    entities = _read(out, "entities", ["start", "end", "label", "text", "canonical"], this, part=part)
    if "canonical" not in entities:
        entities["canonical"] = entities["text"]
    blocks = _read(out, "blocks", ["block_index", "line", "text", "label", "keep", "reason", "start", "end"], this, part=part).sort_values("block_index")
    text = document["text"]
    if blocks.empty:  # tables made without the clean stage: the text is all there is
        lines = [f'<div class="line">{_marked(text, entities, 0)}</div>']
    else:
        lines = [_line(text, entities, group) for _, group in blocks.groupby("line", sort=False)]
    facts = [
        f"<b>{_e(_or(document['title'], '(no title)'))}</b>",
        _e(_or(document["outlet"], "unknown outlet")),
        _e(_when(document["published_at"], document["published_tz"])),
        f"{_n(document['n_words'])} words",
        f"language {_e(document['language'])}",
        f"source {_e(document['source'])}",
        f"doc_id <code>{_e(doc_id)}</code>",
    ]
    legend = " ".join(_chip(label) + f" {LABELS[label].lower()}" for label in LABELS)
    return (
        f"<h2>Article <span class=\"muted\">(pick another with <code>berita report --doc DOC_ID</code>)</span></h2><p>{' · '.join(facts)}</p>"
        f'<p class="muted">{len(entities):,} entities: {legend}; hover a mark for its canonical name. '
        'Lines the cleaner dropped are <del>struck through</del> with their label and rule.</p>'
        '<div class="article">' + "\n".join(line for line in lines if line) + "</div>"
    )


def _part(out: Path, this: ds.Expression) -> str | None:
    """The part file holding the document: every table writes a shard to the same part name, so its
    rows are read from one file each instead of scanning the article text of the whole collection."""
    dataset = ds.dataset(tables.table_dir(out, "documents"), format="parquet")
    for batch in dataset.scanner(columns=["doc_id"], filter=this).scan_batches():
        if batch.record_batch.num_rows:
            return Path(batch.fragment.path).name
    return None


def _or(value: object, default: str) -> object:
    return default if value is None or pd.isna(value) else value


def _when(published_at: pd.Timestamp, zone: str | None) -> str:
    """As the article gave it, in its own zone."""
    if pd.isna(published_at):
        return "no date"
    if not isinstance(zone, str) or zone not in TIME_ZONES:
        return f"{published_at:%Y-%m-%d %H:%M} UTC"
    return f"{published_at + pd.Timedelta(hours=TIME_ZONES[zone]):%Y-%m-%d %H:%M} {zone}"


def _line(text: str, entities: pd.DataFrame, blocks: pd.DataFrame) -> str:
    """One raw line: its blocks side by side (an insert cut out of a paragraph stays in place)."""
    pieces, kinds = [], []
    for block in blocks.itertuples():
        if block.keep and pd.notna(block.start):
            start, end = int(block.start), int(block.end)
            inside = entities[(entities["start"] >= start) & (entities["end"] <= end)]
            pieces.append(_marked(text[start:end], inside, start))
            kinds.append(f"keep-{block.label}")
        elif block.text.strip():
            pieces.append(f'<del title="{_e(block.label)}: {_e(block.reason)}">{_e(block.text)}</del><span class="tag">{_e(block.label)} · {_e(block.reason)}</span> ')
    if not pieces:
        return ""
    return f'<div class="line {" ".join(dict.fromkeys(kinds))}">' + "".join(pieces) + "</div>"


def _marked(text: str, entities: pd.DataFrame, offset: int) -> str:
    spans = [
        {"start": int(row.start) - offset, "end": int(row.end) - offset, "label": _e(row.label), "params": {"canonical": _e(row.canonical)}}
        for row in entities.itertuples()
    ]
    return displacy.render({"text": text, "ents": spans, "title": None}, style="ent", manual=True, page=False, jupyter=False, options=DISPLACY_OPTIONS)
