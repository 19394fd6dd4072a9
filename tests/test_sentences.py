"""Sentence and token boundaries on the traps of Indonesian news, and on held-out UD text."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from pipeline.evaluate import evaluate_sentences
from pipeline.sentences import split
from tests.conftest import SEEDS, berita, require_data


def sentences_of(text: str) -> list[str]:
    return [text[tokens[0][0]:tokens[-1][1]] for tokens in split([text])[0]]


def tokens_of(text: str) -> list[str]:
    return [token[2] for sentence in split([text])[0] for token in sentence]


def test_numbers_times_and_money_stay_whole():
    tokens = tokens_of("Pukul 16.31 WIB harga Rp 1.500.000 atau Rp2,5 juta pada Senin (5/9) di KOMPAS.com.")
    for whole in ["16.31", "1.500.000", "2,5", "KOMPAS.com"]:
        assert whole in tokens
    assert tokens[tokens.index("(") + 1: tokens.index(")")] == ["5", "/", "9"]


def test_no_break_after_titles_initials_and_abbreviations():
    text = "Menteri Prof. Dr. H. M. Nuh meninjau Jl. Sudirman bersama PT. Jaya dan No. 5 pada 16.31 WIB. Ia pulang."
    assert sentences_of(text) == [
        "Menteri Prof. Dr. H. M. Nuh meninjau Jl. Sudirman bersama PT. Jaya dan No. 5 pada 16.31 WIB.",
        "Ia pulang.",
    ]


def test_quotes_stay_with_their_sentence():
    text = "“Kami siap.” Lalu ia pergi. \"Ini contoh lain,\" kata Kirby. \"Tidak ada.\" kata dia. Selesai."
    assert sentences_of(text) == ["“Kami siap.”", "Lalu ia pergi.", "\"Ini contoh lain,\" kata Kirby.", "\"Tidak ada.\" kata dia.", "Selesai."]


def test_paragraph_break_ends_a_sentence_and_reduplication_stays_whole():
    text = "Membeli Drone Iran\nNegara-negara itu baru-baru ini bertemu."
    assert sentences_of(text) == ["Membeli Drone Iran", "Negara-negara itu baru-baru ini bertemu."]
    assert "baru-baru" in tokens_of(text)


def test_dateline_is_not_split():
    assert sentences_of("REPUBLIKA.CO.ID, WASHINGTON -- Gedung Putih mengatakan hal itu.") == ["REPUBLIKA.CO.ID, WASHINGTON -- Gedung Putih mengatakan hal itu."]


@pytest.mark.parametrize("name, sentence_floor, token_floor", [("id_pud-ud-test.conllu", 0.93, 0.95), ("id_csui-ud-test.conllu", 0.85, 0.97)])
def test_held_out_ud_scores(name, sentence_floor, token_floor):
    scores = evaluate_sentences(require_data("ud", name))
    assert scores["sentences"]["f1"] >= sentence_floor
    assert scores["tokens"]["f1"] >= token_floor


# Hard sentences of the five seeds, written down from the articles: datelines, dates in brackets,
# times, numbers, quotes that close after the full stop, a quote spanning two sentences, a colon
# before a quote, an agency signature. Each must come out as exactly one sentence.
SEED_SENTENCES = [
    "WASHINGTON DC, SATUHARAPAN.COM-Kementerian Pertahanan Rusia sedang dalam proses pembelian jutaan roket dan peluru artileri dari Korea Utara untuk pertempuran yang sedang berlangsung di Ukraina, menurut temuan baru intelijen Amerika Serikat.",
    "Seorang pejabat AS, yang berbicara dengan syarat anonim untuk membahas penentuan intelijen, mengatakan pada hari Senin (5/9) bahwa fakta Rusia beralih ke negara terisolasi Korea Utara menunjukkan bahwa “militer Rusia terus menderita kekurangan pasokan parah di Ukraina.",
    "Ini karena dampak dari kontrol dan sanksi ekspor.”",
    "Kedua negara adalah anggota Dewan Keamanan PBB, yang telah menyetujui total 11 putaran sanksi terhadap Korea Utara sejak tahun 2006.",
    "Tetapi setelah pemilihannya pada tahun 2000, Putin secara aktif berusaha memulihkan hubungan negaranya dengan Korea Utara dalam apa yang dilihat sebagai upaya untuk mendapatkan kembali wilayah pengaruh tradisionalnya dan mengamankan lebih banyak sekutu untuk menangani Amerika Serikat dengan lebih baik. (AP)",
    "BERITASOLORAYA.com - Kementerian Pertahanan Rusia dikabarkan tengah dalam proses melakukan pembelian roket dan peluru amunisi artileri dari Korea Utara.",
    "“Kami mendapat informasi bahwa Kim Jong Un memperkirakan diskusi ini akan terus berlanjut, termasuk keterlibatan diplomatik tingkat pemimpin di Rusia,” tambah Watson.",
    "Ketika ditanya bagaimana berita baru-baru ini berdampak pada Rusia, Sullivan mengatakan: “Saya pikir hal ini menjelaskan banyak hal, karena kita harus beralih ke negara seperti Korea Utara untuk berupaya meningkatkan kapasitas pertahanannya dalam perang yang diperkirakan akan berakhir dalam waktu seminggu.”",
    "September lalu, dilaporkan bahwa Rusia mengandalkan Pyongyang untuk “jutaan peluru, roket, dan peluru artileri.”",
    "“Bulan lalu, Korea Utara mengirimkan roket dan rudal infanteri ke Rusia untuk digunakan oleh Wagner.”",
    "Pada satu tahap terdapat 50.000 tentara Wagner yang bertempur di Ukraina; mereka terlibat dalam beberapa pertempuran paling sengit di kota Bakhmut di bagian timur.",
    "Juru bicara Dewan Keamanan Nasional Gedung Putih John Kirby mengatakan, Shoigu mengajukan penawaran itu saat menghadiri 70 tahun gencatan senjata yang mengakhiri Perang Korea 1950-1953.",
    "\"Ini contoh lain betapa putus asanya Pak Putin karena mesin perangnya terdampak sanksi dan pengendalian ekspor,\" kata Kirby, Kamis (3/8/2023).",
    "Dalam pertemuannya dengan Presiden Rusia Vladimir Putin pada 24 Februari lalu Presiden Cina Xi Jinping menyepakati kemitraan \"tanpa batas.\"",
    "REPUBLIKA.CO.ID, WASHINGTON -- Gedung Putih pada Rabu (2/11/2022) menuduh Korea Utara secara diam-diam mengirimkan peluru artileri ke Rusia untuk mendukung perang melawan Ukraina.",
    "\"Korea Utara secara diam-diam memasok amunisi ke Rusia, tetapi kami masih memantau untuk menentukan apakah pengiriman benar-benar diterima,\" ujar Kirby.",
]


@pytest.mark.parametrize("sentence", SEED_SENTENCES, ids=lambda s: s[:40])
def test_hard_seed_sentences_come_out_exactly(seed_tables, sentence):
    assert sentence in set(seed_tables["sentences"]["text"])


def test_seed_tokens_have_upos_and_lemma(seed_tables):
    tokens = seed_tables["tokens"]
    assert tokens["upos"].notna().all() and tokens["lemma"].notna().all()
    by_text = tokens.drop_duplicates("text").set_index("text")
    assert by_text.loc["Rusia", "upos"] == "PROPN"
    assert by_text.loc[".", "upos"] == "PUNCT"
    assert by_text.loc["mengirimkan", "lemma"] in {"kirim", "mengirimkan"} and by_text.loc["mengirimkan", "upos"] == "VERB"


@pytest.mark.parametrize("splitter", ["spacy", "stanza"])
def test_trained_splitters_run_in_the_pipeline_with_exact_offsets(tmp_path, splitter):
    out = tmp_path / splitter
    berita("run", str(SEEDS / "003_9eb2901acefde306.txt"), "--out", str(out), "--splitter", splitter, "--stages", "clean,sentences")
    text = pd.read_parquet(out / "documents.parquet")["text"].iloc[0]
    for table in ("sentences", "tokens"):
        frame = pd.read_parquet(out / f"{table}.parquet")
        assert len(frame) > 0
        assert all(text[row.start:row.end] == row.text for row in frame.itertuples())
    assert json.loads((out / "manifest.json").read_text())["models"]["sentences"]["splitter"] == splitter


@pytest.mark.parametrize("splitter, sentence_floor, token_floor", [("spacy", 0.90, 0.96), ("stanza", 0.88, 0.96)])
def test_trained_splitters_on_held_out_pud(splitter, sentence_floor, token_floor):
    scores = evaluate_sentences(require_data("ud", "id_pud-ud-test.conllu"), splitter)
    assert scores["sentences"]["f1"] >= sentence_floor and scores["tokens"]["f1"] >= token_floor
