"""A cheap language flag for `documents.language`: Indonesian, Malay, English or undetermined.

Collections scraped from Indonesian outlets still carry English wire copy and Malaysian articles;
users filter them out rather than have the run fail. Function words separate English from the Malay
family; words whose form differs between the two standards (karena/kerana, persen/peratus) separate
Indonesian from Malay.
"""

from __future__ import annotations

import re

WORD = re.compile(r"[a-z]+")
MALAY_FAMILY = frozenset(
    "yang dan di ke dari untuk dengan ini itu pada dalam tidak akan juga oleh bahwa telah sudah "
    "ada atau mereka kami kita saya ia dia para lebih tersebut secara antara kata seperti hanya".split()
)
ENGLISH = frozenset(
    "the and of to in is that for it with as was on are be by this have from at not but his they "
    "which has an their were been will would said its who".split()
)
MALAY_ONLY = frozenset(
    "kerana selepas semasa kerajaan boleh ialah iaitu bagaimanapun mengikut sahaja baharu wang "
    "polis hospital jabatan syarikat bilion peratus".split()
)
INDONESIAN_ONLY = frozenset(
    "karena setelah pemerintah bisa yaitu saja baru uang polisi perusahaan miliar persen mengatakan".split()
)


def detect_language(text: str) -> str:
    """ISO 639-1 code ("id", "ms", "en") or "und" when the text is too short or none fits."""
    words = WORD.findall(text[:20_000].lower())
    if len(words) < 5:
        return "und"
    english = sum(word in ENGLISH for word in words)
    malay_family = sum(word in MALAY_FAMILY for word in words)
    if max(english, malay_family) < 0.08 * len(words):
        return "und"
    if english > malay_family:
        return "en"
    malay = sum(word in MALAY_ONLY for word in words)
    indonesian = sum(word in INDONESIAN_ONLY for word in words)
    return "ms" if malay > indonesian else "id"
