"""Sentence and token boundaries on the traps of Indonesian news, and on held-out UD text."""

from __future__ import annotations

import pytest

from pipeline.evaluate import evaluate_sentences
from pipeline.sentences import split
from tests.conftest import require_data


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
