"""`berita report` on the seed tables: the page is written, self-contained, and shows what the tables hold."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import zlib
from pathlib import Path

import pandas as pd
import pytest

from pipeline import report, schema, tables
from tests.conftest import berita

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def page(seed_out) -> str:
    result = berita("report", "--out", str(seed_out))
    path = Path(result.stdout.strip())
    assert path == seed_out / "report.html"
    return path.read_text(encoding="utf-8")


def section(page: str, heading: str) -> str:
    """The page from `heading` to the next heading of any level."""
    start = page.index(heading)
    following = re.search(r"<h[123]", page[start + len(heading):])
    return page[start:start + len(heading) + following.start()] if following else page[start:]


def test_top_people_name_kim_jong_un(page):
    people = section(page, "<h3>People")
    names = re.findall(r"<tr><td>([^<]+)</td>", people)
    assert "Kim Jong Un" in names


def test_counts_match_the_tables(page, seed_out):
    documents = pd.read_parquet(seed_out / "documents.parquet", columns=["outlet"])
    cards = {name: value for value, name in re.findall(r'<div class="card"><b>([\d,]+)</b>([a-z ]+)</div>', page)}
    assert cards["documents"] == f"{len(documents):,}"
    entities = pd.read_parquet(seed_out / "entities.parquet", columns=["doc_id"])
    assert cards["entity mentions"] == f"{len(entities):,}"
    outlets = section(page, "Documents per outlet")
    for outlet, count in documents["outlet"].fillna("unknown").value_counts().items():
        assert f"<td>{html.escape(outlet)}</td><td class=\"n\">{count:,}</td>" in outlets


def test_top_pair_is_the_most_frequent_pair(page, seed_out):
    mentions = pd.read_parquet(seed_out / "mentions.parquet", columns=["doc_id", "canonical", "label"])
    pairs = mentions.merge(mentions, on="doc_id")
    pairs = pairs[pairs.canonical_x + "\0" + pairs.label_x < pairs.canonical_y + "\0" + pairs.label_y]
    most = pairs.groupby(["canonical_x", "label_x", "canonical_y", "label_y"]).size().max()
    together = section(page, "Mentioned together")
    assert int(re.search(r'<td class="n">([\d,]+)</td>', together)[1].replace(",", "")) == most


def test_article_has_displacy_marks_and_struck_boilerplate(page, seed_out):
    entities = pd.read_parquet(seed_out / "entities.parquet", columns=["doc_id"])
    shown = entities["doc_id"].value_counts().sort_index(kind="stable").idxmax()  # the most entities, first doc_id on a tie
    article = page[page.index("<h2>Article"):]
    assert f"<code>{shown}</code>" in article
    assert article.count('<mark class="entity"') == (entities["doc_id"] == shown).sum()
    blocks = pd.read_parquet(seed_out / "blocks.parquet", filters=[("doc_id", "==", shown)])
    dropped = blocks[~blocks["keep"] & (blocks["text"].str.strip() != "")]
    assert len(dropped), "the seed article with the most entities has dropped lines"
    for block in dropped.itertuples():
        assert f'<del title="{html.escape(block.label)}: {html.escape(block.reason)}">{html.escape(block.text)}</del>' in article


def test_page_fetches_nothing(page):
    assert not re.search(r"""(src|href|action)\s*=\s*["']?\s*(https?:)?//""", page, re.IGNORECASE)
    assert not re.search(r"<script|<link|<iframe|@import|url\(", page, re.IGNORECASE)
    assert "default-src 'none'" in page


def test_other_article_by_doc_id_and_html_path(seed_out, tmp_path):
    documents = pd.read_parquet(seed_out / "documents.parquet", columns=["doc_id", "title"])
    chosen = documents.iloc[-1]
    target = tmp_path / "sub" / "page.html"
    result = berita("report", "--out", str(seed_out), "--doc", chosen.doc_id, "--html", str(target))
    assert result.stdout.strip() == str(target)
    assert f"<b>{html.escape(chosen.title)}</b>" in target.read_text(encoding="utf-8")


@pytest.mark.parametrize("arguments", [["--out", "{tmp}/missing"], ["--out", "{tmp}"], ["--out", "{seed_out}", "--doc", "no-such-doc"]])
def test_usage_errors_are_one_line(arguments, seed_out, tmp_path):
    result = berita("report", *(a.format(tmp=tmp_path, seed_out=seed_out) for a in arguments), check=False)
    assert result.returncode != 0
    assert result.stderr.startswith("berita: error: ") and result.stderr.count("\n") == 1, result.stderr
    assert result.stdout == ""


def test_tables_with_zero_rows(seed_out, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(seed_out, out)
    for name in ["entities", "mentions", "quotes", "errors"]:
        tables.write_part(out, name, 0, schema.TABLES[name].empty_table())
    page = report.build_report(out)
    assert "Documents per outlet" in page and '<mark class="entity"' not in page and "<del " in page
    for name in ["documents", "blocks"]:
        tables.write_part(out, name, 0, schema.TABLES[name].empty_table())
    assert "No documents." in report.build_report(out)


def distinct_pixel_bytes(png: bytes) -> int:
    """Distinct byte values in the decompressed image data: a one-colour image has a handful."""
    data, position = b"", 8
    while position < len(png):
        length = int.from_bytes(png[position:position + 4], "big")
        if png[position + 4:position + 8] == b"IDAT":
            data += png[position + 8:position + 8 + length]
        position += 12 + length
    return len(set(zlib.decompress(data)))


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium")
def test_renders_in_headless_chromium(page, seed_out, tmp_path):
    png = tmp_path / "report.png"
    subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={png}", "--window-size=1280,2000",
         (seed_out / "report.html").as_uri()],
        capture_output=True, timeout=120, check=True,
    )
    image = png.read_bytes()
    assert image.startswith(b"\x89PNG") and len(image) > 50_000
    assert distinct_pixel_bytes(image) > 64
