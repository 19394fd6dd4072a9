"""Line labelling for scraped Indonesian news: which lines are the article, which are the website.

Three passes, each recorded in the block's `reason`:
1. what a line says on its own: a "Baca Juga" marker, `Editor :`, `Rep: X/ Red: Y`, a date line,
   an ad or share prompt, navigation and tag words, a photo credit;
2. what its neighbours say: a caption repeated around its credit, a headline under a bare "Baca
   Juga", a name above an author bio;
3. where it stands: the article body is the run of paragraph-like lines; before it come section
   names, the title, the standfirst and bylines; after it (or after the closing editor line) come
   teasers, related links and navigation. Short lines inside the body are headings.
Last, inserts inside a body line (`... kata dia. Baca juga: Judul`, `ADVERTISEMENT`, closing
initials `(rdp/imk)`) are cut into blocks of their own, so the sentence stays and nothing is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

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
DOMAIN = r"[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z]{2,}){1,2}"

LIST_ITEM = re.compile(r"^\s*(?:[-–•*·●▪]|\d{1,2}[.)]|[a-z][.)])\s")

DATE_LINE = re.compile(
    rf"^(?:{DOMAIN}\s*[-–—]\s*|(?:diterbitkan|diperbarui|dipublikasikan|dicetak|published|updated?|tayang|hari,? tanggal)(?:\s+pada)?\s*:?\s*)?"
    rf"[-–—|•\s]*(?:{DAY_NAMES}\s*,?\s*)?"
    r"(?:(?P<day>\d{1,2})\s+(?P<month>[a-z]+)\.?\s+(?P<year>\d{4})|(?P<nday>\d{1,2})(?P<nsep>[/.])(?P<nmonth>\d{1,2})(?P=nsep)(?P<nyear>\d{4}))"
    r"(?:\s*[,|/–—·•-]?\s*(?:pukul\s+)?(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?:[:.]\d{2})?)?"
    r"\s*(?P<zone>WIB|WITA|WIT|GMT|UTC)?\s*$",
    re.IGNORECASE,
)

POSTED_ON = re.compile(r"^(?:posted on|published on|diposting pada|diterbitkan pada|ditulis pada)\s+(?P<date>.{6,40}?)\s+(?:by|oleh)\s+(?P<name>\S.{0,40})$", re.IGNORECASE)

CITY = r"[A-Z][A-Z.'’ ]{1,40}?"
DASH = r"\s*(?:--|[-–—])\s*"
DATELINES = [
    re.compile(rf"^(?P<outlet>{DOMAIN}),\s*(?P<city>{CITY}){DASH}"),  # REPUBLIKA.CO.ID, WASHINGTON --
    re.compile(rf"^(?P<city>{CITY}),\s*(?P<outlet>{DOMAIN}){DASH}"),  # JAKARTA, SATUHARAPAN.COM -
    re.compile(rf"^(?P<outlet>{DOMAIN}),\s*(?P<city>[A-Z][A-Za-z.' ]{{1,30}}?){DASH}"),  # TEMPO.CO, Jakarta -
    re.compile(rf"^(?P<city>[A-Z][A-Za-z.' ]{{1,40}}?)\s*\((?P<outlet>[A-Za-z][A-Za-z.]{{1,20}})\){DASH}"),  # Jakarta (ANTARA) -
    re.compile(rf"^(?P<city>[A-Z][A-Za-z.' ]{{1,30}}?),\s*(?P<outlet>CNN Indonesia|CNBC Indonesia){DASH}"),  # Jakarta, CNN Indonesia --
    re.compile(rf"^(?P<outlet>{DOMAIN}|VIVA){DASH}"),  # KOMPAS.com -
    re.compile(r"^(?P<city>[A-Z][a-z]+(?: [A-Z][a-z]+)?),\s*(?P<outlet>[A-Z][A-Za-z]{1,15})\s+(?:--|[-–—])\s+(?=[A-Z\"“])"),  # Lagos, Jubi –
]

AGENCIES = {
    "ap": "AP", "ap news": "AP", "apnews": "AP", "associated press": "AP",
    "reuters": "Reuters", "afp": "AFP", "antara": "ANTARA", "xinhua": "Xinhua",
    "bloomberg": "Bloomberg", "yonhap": "Yonhap", "kyodo": "Kyodo", "bbc": "BBC", "cnn": "CNN",
    "anadolu": "Anadolu", "anadolu agency": "Anadolu", "tass": "TASS", "kcna": "KCNA",
    "the guardian": "The Guardian", "dpa": "dpa", "efe": "EFE", "aljazeera": "Al Jazeera",
}
OUTLET_WORDS = (
    r"detik\w*|cnn indonesia|cnbc indonesia|okezone(?:\.com)?|kompas\.com|tempo(?:\.co)?|antara(?:news)?|"
    r"tribunnews\.com|liputan6\.com|suara\.com|merdeka\.com|viva(?:\.co\.id)?|jpnn(?:\.com)?|sindonews(?:\.com)?|"
    r"kumparan\w*|republika(?:\.co\.id)?|jurnalis|wartawan|reporter|kontributor"
)

READ_ALSO = re.compile(
    r"^(?:baca juga|baca pula|simak juga|lihat juga|baca selengkapnya|baca lebih lanjut(?: dari [^:]{1,40})?"
    r"|pilihan editor|berita terkait|artikel terkait|baca)\s*(?:(?::|>>)\s*(?P<rest>.*)|$)"
    r"|^(?-i:BACA JUGA|SIMAK JUGA|LIHAT JUGA)\s+(?P<title>\S.*)",
    re.IGNORECASE,
)
READ_MORE = re.compile(r"^(?:baca|lihat|simak) (?:selengkapnya|berita ?lengkapnya|artikel lengkapnya|lebih lanjut) (?:di|pada)\b.{0,60}$|^(?:read more|continue reading)\b.{0,60}$", re.IGNORECASE)
AD = re.compile(
    r"^(?:advertisements?|iklan|ads?|scroll to continue with content|scroll (?:ke bawah )?untuk (?:melanjutkan|membaca)(?: membaca| lagi)?"
    r"|sponsored|konten bersponsor|like|suka|url telah tercopy|link telah disalin|klik di ?sini|konten premium"
    r"|scroll to (?:continue|resume)(?: with)? content|nikmati konten premium.{0,60})$"
    r"|^(?:saksikan|tonton|simak|jangan lewatkan)\b.{0,40}\bvideo\b",
    re.IGNORECASE,
)
CALL_TO_ACTION = re.compile(
    r"(?:ikuti|follow|gabung|bergabung|join|subscribe|langganan|dapatkan|silakan baca|baca (?:berita|artikel)|simak breaking news).{0,80}"
    r"(?:google news|telegram|whatsapp|instagram|twitter|facebook|youtube|tiktok|channel|saluran|berita (?:terkini|up to date)|up to date)"
    r"|^(?:share|bagikan|tweet|salin link|copy link|kirim)\b.{0,30}$"
    r"|^(?:facebook|twitter|x \(twitter\)|whatsapp|telegram|line|linkedin|e-?mail|pinterest|instagram|tiktok|youtube|salin tautan)$"
    r"|^(?:(?:bagikan|share|sebarkan)\s*:?\s*)?(?:(?:facebook|twitter|whatsapp|telegram|line|linkedin|e-?mail|pinterest|instagram|tiktok|youtube|salin (?:link|tautan)|copy link)[\s|/·•]*){2,}$"
    r"|^(?:lewati|akhir dari|cek|simak|klik)\b.{0,60}(?:whatsapp|telegram|google news|instagram|twitter|facebook|tiktok|youtube)"
    r"|^.{0,80}[,.!] (?:cek|klik|lihat|daftar|info(?: selengkapnya)?) di ?sini\W*$"
    r"|\bsalurkan (?:infak|donasi|sedekah|zakat)\b|^iklan(?: pihak ketiga| sponsor)?\s*[.:]"
    r"|(?:bantuan|dukungan) donasi (?:anda|kamu)|^donasi sekarang|^dukung kami\b|^live streaming\b"
    r"|^(?:berlangganan|langganan|subscribe)$|^(?:berlangganan|langganan|daftar(?:kan)?)\b.{0,40}\b(?:newsletter|buletin|email|surel)\b|^subscribe to\b"
    r"|^(?:dapatkan|terima|kirim)\b.{0,60}\b(?:kotak masuk|inbox|surel|e-?mail) (?:anda|kamu)\W*$"
    r"|^(?:apa|bagaimana) (?:reaksi|perasaan|tanggapan)\b.{0,20}\b(?:artikel|berita|tulisan) ini\W*$"
    r"|^dukung\b.{0,60}\b(?:independen|jurnalisme)\b|\btraktir (?:kami|redaksi)\b|^(?:pasang|info) iklan\b"
    r"|\b(?:download|unduh) (?:aplikasi|app)\w*\b.{0,30}$|\bberlangganan\b.{0,40}\bsekarang\W*$|^lanjutkan membaca(?: artikel)?(?: di bawah(?: ini)?)?\W*$",
    re.IGNORECASE,
)
VIDEO_HEADER = re.compile(r"^video (?:pilihan|terkait|terpopuler|lainnya|terbaru)$", re.IGNORECASE)
VIDEO = re.compile(rf"^\[gambas:video|^simak video\b|^tonton (?:video|juga)\b|^video\s*:|^\[video\]|{VIDEO_HEADER.pattern}", re.IGNORECASE)
CREDIT = re.compile(
    r"^\(?(?:foto|photo|ilustrasi foto|sumber foto|sumber gambar|grafis|infografis)\s*[:,]\s*\S|^\(?[A-Z ]*FOTO/|^\(?(?:foto|photo)\s*/"
    rf"|^{DOMAIN}/[A-Z][\w .]+$|^(?-i:[A-Z]{{2,10}}(?:/[A-Z][\w.]{{1,20}})+)$|^[A-Z][\w.]{{1,20}}/(?:dok|dokumentasi|istimewa|ist|net|arsip)\.?$"
    r"|^\((?=[^()]*(?:foto|photo|getty|\bdok|istimewa|\bvia\b))[^()]{2,80}\)$"
    r"|^(?:shutterstock|getty images|istock(?:photo)?|unsplash|pixabay|pexels|freepik|antara foto|dok(?:umentasi)?\.? pribadi|istimewa)$",
    re.IGNORECASE,
)
SYNDICATION = re.compile(
    r"^artikel ini (?:telah |sudah )?(?:tayang|terbit|dimuat|dipublikasikan)|^(?:tulisan|artikel|berita) ini (?:disarikan|diringkas|disadur|dikutip|diterjemahkan) dari\b",
    re.IGNORECASE,
)
COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|copyright|hak cipta|pengungkapan risiko\s*:|disclaimer\s*:|penafian\s*:)"
    r"|^(?:anda|kamu) menerima (?:e-?mail|surel|pesan) ini karena\b|^you (?:are receiving|received) this e-?mail because\b|^dilarang (?:keras )?(?:mengambil|mengutip|menyalin|menayangkan|memuat)\b.{0,60}\b(?:artikel|konten|berita)",
    re.IGNORECASE,
)
TAG_WORDS = r"(?:tags?|topik(?: berita)?(?: terkait)?|kata kunci|saham terkait)"
TAG_HEADER = re.compile(rf"{TAG_WORDS}\s*:?", re.IGNORECASE)
TAGS = re.compile(rf"^#\s*\w|^{TAG_WORDS}\s*(?::.*)?$|^this entry was posted in\b", re.IGNORECASE)
NAVIGATION = re.compile(
    r"^(?:terkait|terkini|terpopuler|populer|trending|berita lainnya|berita terkini|berita populer|berita selanjutnya"
    r"|artikel pilihan|artikel selanjutnya|(?:berita |artikel )?lainnya dari \S.{0,30}|artikel terkait|rekomendasi(?: artikel)?|recent posts|related posts|kabar daerah"
    r"|selanjutnya|sebelumnya|halaman selanjutnya|halaman sebelumnya|next|prev|show all|tampilkan semua|halaman\s*:?(?:\s+\d+)*"
    r"|(?:lewati|lompati|langsung) ke\b.{0,40}|halaman selanjutnya (?:arrow|chevron|keyboard_arrow)_\w+"
    r"|load more|muat lebih banyak|lihat semua|beranda|home|halaman \d+ ?(?:dari|/) ?\d+(?:\s+(?:selanjutnya|berikutnya|sebelumnya))?\W*|zoom-in-white\w*|perbesar|lihat foto|\d+ komentar|komentar"
    r"|baca berikutnya|lompati ke konten|skip to content|next page|halaman(?:\s+\d+)+(?:\s+selanjutnya)?|waktu baca \d+ menit|sedang memuat\W*|lanjutkan membaca\W*|konten dari pengguna|\d{1,3}|[^\w\s]{1,3}|\w)$"
    r"|^\S.{0,40}(?:\s[»›>]\s.{1,40}){1,4}$"
    r"|^(?:unduh|download)\b.{0,80}\((?:pdf|csv|xlsx?|docx?|zip)\b[^)]*\)$",
    re.IGNORECASE,
)
# A menu or breadcrumb row: 3+ short capitalised items separated by runs of spaces or | / · •.
# A blog's tagline under its name: "Catatan seputar keuangan mikro dan pemberdayaan ekonomi desa".
SEARCH_CACHE_BANNER = re.compile(
    r"^(?:ini adalah cache google dari|this is google's cache of)\b|^halaman saat ini mungkin sudah berubah\b|^the current page could have changed\b"
    r"|^tip: untuk menemukan istilah penelusuran\b|^tip: to quickly find your search term\b",
    re.IGNORECASE,
)
SITE_TAGLINE = re.compile(r"^(?:tulisan|catatan|berita|informasi|blog|kabar|cerita|kumpulan)\b(?:\s+\w+){0,3}\s+seputar\b[^.!?]*$", re.IGNORECASE)
MENU_SEPARATOR = re.compile(r"\s{2,}|\t|\s+[|/·•]\s+")
# A press office's contact line: "(Nama, HP: 0811-..., e-mail: x@y.go.id, Tel/Fax: 021...)".
CONTACT_KEYS = re.compile(r"\b(?:hp|telp?|tel(?:/fax)?|fax|ponsel|wa|e-?mail|surel)\s*[.:]\s*[\w(+]", re.IGNORECASE)
CONTACT = re.compile(r"[\w.-]+@[\w-]+\.[\w.]+|\bhttps?://|\bwww\.|\b(?:hubungi|kunjungi|pesan sekarang|klik)\b", re.IGNORECASE)
# A comment section's header: the article is over where it starts.
COMMENTS = re.compile(
    r"^(?:\d+\s+)?(?:komentar|tanggapan)(?: pembaca| anda)?\s*(?:\(\d+\))?\s*:?$|^(?:tulis|kirim|beri(?:kan)?) (?:komentar|tanggapan)\b|^(?:\d+ )?comments?$",
    re.IGNORECASE,
)
CLOSING_INITIALS = re.compile(r"^[(\[]\s*(?:[a-z]{2,5}|[a-z]{1,3}\d{1,3})(?:\s*/\s*[a-z0-9-]{1,8})*\s*[)\]]$", re.IGNORECASE)
BYLINE = re.compile(
    r"^(?:oleh|penulis|laporan wartawan|laporan reporter|tim riset|tim redaksi|posted by|(?:ditulis|diposting|dipublikasikan|diunggah) oleh)\b\s*:?\s*\S.{0,60}$"
    r"|^(?-i:by) (?-i:[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3})(?:\s*[|•]\s*.{0,40})?$"
    r"|^(?:artikel|berita|tulisan) (?:ini )?(?:yang )?(?:diterbitkan|ditulis|dilaporkan) oleh$"
    rf"|^(?-i:[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){{0,3}})\s*[-–,|]\s*(?:{OUTLET_WORDS})$"
    r"|^(?-i:[A-Z][A-Z.'’ ]{3,40}\|\s*[A-Z][A-Za-z ]{1,30})$"
    r"|^(?-i:[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,3}(?:\s*[/&]\s*[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,3})+)$",
    re.IGNORECASE,
)
CREDIT_KEYS = {
    "rep": "authors", "reporter": "authors", "penulis": "authors", "pewarta": "authors",
    "wartawan": "authors", "jurnalis": "authors", "koresponden": "authors", "kontributor": "authors", "oleh": "authors", "laporan": "authors",
    "red": "editor", "editor": "editor", "redaktur": "editor", "penyunting": "editor",
    "sumber": "agency", "source": "agency",
    "penerjemah": "translator", "translator": "translator",
}
PART_SPLIT = re.compile(r"\s*[|/]\s*(?=[A-Za-z]+\s*:)")
KEY_VALUE = re.compile(r"^(?P<key>[A-Za-z]+)\s*:\s*(?P<value>\S.{0,60})$")
TRAILING_CREDIT = re.compile(r"(?:\((?P<credit>[^()]{2,80})\)|\[(?P<bracketed>[^\[\]]{2,80})\])\s*$")
PHOTO_CREDIT_WORDS = re.compile(
    r"\bvia\b|/|getty|images|foto|photo|reuters|\bap\b|afp|antara|kcna|epa|xinhua|yonhap|\bdok\b|sumber|istimewa"
    r"|instagram|twitter|facebook|youtube|tiktok|unsplash|shutterstock|pixabay",
    re.IGNORECASE,
)
OPEN_CREDIT = re.compile(
    r"(?:\s\(?(?:FOTO|Foto|Photo)\s*[:/]\s*\S.{0,60}|\s©\s?\S.{0,60}|\s[A-Z]{3,}/[A-Z][\w.]*(?: [A-Z][\w.]*){0,4}"
    r"|[.!?]\s+[A-Z][\w.]*(?: [A-Z][\w.]*)?/[A-Z][^.]{1,60}|[.!?)]\.?(?:AFP|AP|REUTERS|ANTARA|EPA)/[A-Z][^.]{1,60}"
    rf"|[.!?]\s+(?:{DOMAIN}|[A-Z][a-z]+)/(?:[A-Z][\w.]*\s?){{1,4}}\.?)$"
)
PHOTO_POSITION = re.compile(r"\((?:paling |kedua |ketiga |nomor \d+ dari )?(?:kiri|kanan|tengah)(?: ke kanan)?\)", re.IGNORECASE)
CAPTION_START = re.compile(r"^(?:ilustrasi|arsip foto|foto ilustrasi|suasana|keterangan (?:gambar|foto))\b|^(?:grafik|tabel|bagan|diagram|gambar)\s*\d*\s*[:.]\s", re.IGNORECASE)
AUTHOR_BOX = re.compile(r"^(?:tentang|profil|biodata) (?:penulis|pengarang)$|^about the author$", re.IGNORECASE)
AUTHOR_BIO = re.compile(
    rf"{AUTHOR_BOX.pattern}|\b(?:tulisan|artikel|opini|kolom)(?: ini| opini)? (?:merupakan |adalah )?(?:pendapat|opini|pandangan) pribadi\b|"
    r"^\*+\)?\s*penulis (?:adalah|merupakan)\b|^(?:jurnalis|wartawan|reporter|redaktur|editor|kontributor|penulis) \S+ (?:yang )?(?:meliput|menulis|bertugas)\b|^(?:reporter|jurnalis|wartawan|editor|redaktur|kontributor|penulis) (?:di|untuk) [A-Z][\w+.]*\.(?:\s|$)|"
    r"\btidak bekerja, menjadi konsultan, memiliki saham,? atau menerima dana\b|\bmenyediakan (?:pendanaan|dana) sebagai (?:anggota|mitra)\b|"
    r"\b(?:saya|aku)\s+(?:adalah\s+)?(?:seorang\s+)?(?:penulis|jurnalis|wartawan|editor|reporter|blogger|kontributor)\b"
    r"|^[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,3} (?:adalah|merupakan) (?:seorang )?(?:penulis|jurnalis|wartawan|editor|reporter|kontributor)\b",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"[.!?…]['\"”’)]*$|\*{3}$")
AGE = re.compile(r"\(\d{1,3}\),?")  # "Alishtari (53) seorang warga ...": a name and its age open a sentence
READ_ALSO_INLINE = re.compile(r"(?<=[.!?”\"'])\s+(?:(?:Baca|BACA|Simak|SIMAK|Lihat|LIHAT) (?:[Jj]uga|JUGA|[Pp]ula)|(?:Berita|BERITA|Artikel|ARTIKEL) (?:[Tt]erkait|TERKAIT))\s*(?::|>>)")
# Words that open a sentence but hardly a headline's later word: "... ke Afgoye Para pejabat AU ..."
# Conjunctions that open a sentence and never stand inside a headline: "... di Vavuniya Namun, di pihak ..."
CONJUNCTIONS = {"Namun", "Sedangkan", "Adapun", "Bahkan", "Sementara", "Menurut"}
SENTENCE_OPENERS = {"Para", "Namun", "Sementara", "Menurut", "Ia", "Dia", "Mereka", "Selain", "Setelah", "Sebelumnya", "Kemudian", "Ketika", "Meski", "Bahkan", "Sedangkan", "Adapun", "Sejak", "Kami", "Saya"}
TITLE_FUNCTION_WORDS = {
    "yang", "di", "ke", "dari", "dan", "untuk", "dengan", "pada", "atau", "oleh", "dalam", "bagi", "hingga", "vs", "&",
    "terhadap", "tentang", "soal", "atas", "antara", "kepada", "melalui", "sejak", "sampai", "tanpa", "lewat", "jelang",
    "pasca", "usai", "saat", "sebagai", "karena", "demi", "per", "serta", "agar",
}
AD_INLINE = re.compile(
    r"\s*\bADVERTISEMENT(?: SCROLL TO (?:CONTINUE|RESUME) WITH CONTENT)?\b\s*|\s*\bSCROLL TO (?:CONTINUE|RESUME) (?:WITH )?CONTENT\b\s*"
    r"|(?<=[.!?”\"])\s*\b(?:Scroll|SCROLL) (?:untuk|UNTUK) (?:melanjutkan|MELANJUTKAN)(?: (?:membaca|MEMBACA))?\b\s*"
)
# Closing initials glued to the last paragraph: (rdp/imk), (AHL), (*) — but "(KCNA)" is a photo credit.
AGENCY_INITIALS = "|".join(sorted({name.upper() for name in AGENCIES if name.isalpha() and len(name) <= 4}))
CLOSING_INLINE = re.compile(
    r"(?<=[.!?”\"])\s*(?:[(\[](?:[a-z]{2,5}|[a-z]{1,3}\d{1,3})(?:/[a-z]{2,8})*[)\]]|[(\[](?:[A-Z][a-z]+ ){0,2}[A-Za-z]{2,6}(?:/[A-Za-z0-9-]{1,8})+[)\]]"
    rf"|\((?!(?:{AGENCY_INITIALS})\))[A-Z]{{2,4}}\)|\(\*\)|[(\[][A-Za-z]{{2,8}}(?:/[A-Za-z]{{2,8}})*/[a-z]{{2,5}}\d?[)\]]|\((?:[a-z0-9-]+\.)+[a-z]{{2,4}}(?:/[a-z]{{2,8}})+\))$"
)


def _find_read_also(text: str) -> tuple[int, int] | None:
    """`... kata dia. Baca juga: Judul Lain Sementara itu, ...`: the marker and the linked title.

    The title runs until the next sentence starts: at an opening quote; at a word that opens
    sentences ("Para pejabat", "Namun, ..."); in a Title Case title, at the capitalised word before
    the first lowercase word that is no title's function word ("... di Paris Berakhir Ricuh Aparat
    yang menggunakan"); else at the first capitalised word followed by two lowercase words, the
    first not a function word; else at the end of the line.
    """
    match = READ_ALSO_INLINE.search(text)
    if not match:
        return None
    words = list(re.finditer(r"\S+", text[match.end():]))
    ends = [index for index in (_title_case_end(words),) if index is not None]
    for index, word in enumerate(words):
        token = word.group()
        following = [w.group() for w in words[index + 1: index + 4] if not AGE.fullmatch(w.group())][:2]
        if index and (
            token[0] in "\"“'‘"
            or token.rstrip(",") in CONJUNCTIONS
            or token in SENTENCE_OPENERS and following and _lowercase_word(following[0])
            or token[0].isupper() and len(following) == 2 and _sentence_word(following[0]) and _lowercase_word(following[1])
        ):
            ends.append(index)
            break
    if not ends:
        return match.start(), len(text)
    return match.start(), match.end() + words[min(ends)].start()


def _title_case_end(words: list[re.Match]) -> int | None:
    """Where a Title Case title ends: the capitalised word that opens the first lowercase run."""
    for index, word in enumerate(words):
        if _sentence_word(word.group()):
            opener = index - 1
            while opener > 0 and (words[opener].group() in TITLE_FUNCTION_WORDS or _number(words[opener].group())):
                opener -= 1
            if opener > 0 and words[opener].group()[0].isupper() and _title_case(words[:opener]):
                return opener
            return None
    return None


def _number(word: str) -> bool:
    return bool(re.fullmatch(r"[\d.,%]+|\(\d{1,3}\),?", word))


def _title_case(words: list[re.Match]) -> bool:
    """Every word of the title so far capitalised bar its function words ("Chavez Beli 24 Jet Sukhoi dari Rusia")."""
    return all(not _lowercase_word(w.group()) or w.group() in TITLE_FUNCTION_WORDS for w in words)


def _lowercase_word(word: str) -> bool:
    word = word.strip(",.;:")
    return word.isalpha() and word.islower()


def _sentence_word(word: str) -> bool:
    return _lowercase_word(word) and word.strip(",.;:") not in TITLE_FUNCTION_WORDS


def _find_pattern(pattern: re.Pattern):
    def find(text: str) -> tuple[int, int] | None:
        match = pattern.search(text)
        return match.span() if match else None
    return find


INSERTS = [  # (label, reason, finder) cut out of a body line; the finder returns the insert's span
    ("read_also", "inline_read_also", _find_read_also),
    ("ad", "inline_ad", _find_pattern(AD_INLINE)),
    ("editor", "inline_closing_initials", _find_pattern(CLOSING_INLINE)),
]


@dataclass
class Block:
    index: int
    line: int
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


def normalise_space(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u200b", "").split())


def split_blocks(text: str) -> list[Block]:
    blocks, start = [], 0
    for index, line in enumerate(text.split("\n")):
        blocks.append(Block(index, index, start, start + len(line), line, normalise_space(line)))
        start += len(line) + 1
    return blocks


def label_blocks(text: str) -> tuple[list[Block], Metadata]:
    blocks = split_blocks(text)
    metadata = Metadata()
    label_by_line(blocks, metadata)
    content = [block for block in blocks if block.label != "blank"]
    label_by_neighbours(content, metadata)
    label_by_position(content, metadata)
    blocks = cut_inserts(blocks)
    parse_dateline(blocks, metadata)
    trailing_agency(blocks, metadata)
    return blocks, metadata


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
        elif (byline_date := _name_and_date(line)) is not None:
            block.set("byline", "byline_and_date")
            metadata.authors = metadata.authors or [byline_date[0]]
            if metadata.published_at is None:
                metadata.published_at, metadata.published_tz = byline_date[1]
        elif READ_MORE.match(line):
            block.set("read_also", "read_more_link")
        elif match := READ_ALSO.match(line):
            block.set("read_also", "read_also_marker" if not (match["rest"] or match["title"]) else "read_also_with_title")
        elif AD.search(line.strip(" -–—•·*|")):
            block.set("ad", "ad_marker")
        elif VIDEO.search(line):
            block.set("ad", "video_embed")
        elif CALL_TO_ACTION.search(line) and len(line) < 400:
            block.set("ad", "call_to_action")
        elif CREDIT.match(line):
            block.set("credit", "photo_credit")
        elif SYNDICATION.match(line):
            block.set("related", "syndication_note")
        elif COPYRIGHT.match(line):
            block.set("copyright", "copyright_line")
        elif CLOSING_INITIALS.match(line):
            block.set("editor", "closing_initials")
        elif (credits := parse_credit_line(line)) is not None:
            block.set(_credit_label(credits), "credit_line:" + "+".join(sorted(credits)))
            _merge_credits(metadata, credits)
        elif TAGS.match(line) and len(line) < 200:
            block.set("tags", "tag_header" if TAG_HEADER.fullmatch(line) else "tag_line")
        elif COMMENTS.match(line):
            block.set("nav", "comments_header")
        elif NAVIGATION.match(line):
            block.set("nav", "navigation_word")
        elif SEARCH_CACHE_BANNER.match(line):
            block.set("nav", "search_cache_banner")
        elif _is_menu_row(block.text):
            block.set("nav", "menu_row")
        elif len(CONTACT_KEYS.findall(line)) >= 2 and len(line) < 300:
            block.set("byline", "contact_line")
        elif BYLINE.match(line) and not SENTENCE_END.search(line):
            block.set("byline", "byline_pattern")
            _byline_metadata(line, metadata)
        elif AUTHOR_BIO.search(line):
            block.set("author_bio", "author_bio")
        elif _looks_like_caption(line):
            block.set("caption", "caption_with_credit")


def label_by_neighbours(content: list[Block], metadata: Metadata) -> None:
    """Second pass: captions repeated or followed by their credit, linked headlines, bio names."""
    for position, block in enumerate(content):
        before = content[max(0, position - 3): position]
        after = content[position + 1: position + 4]
        if block.label == "source" and before and before[-1].label == "caption":
            block.set("credit", "source_of_figure")  # "Grafik: ..." then "Sumber: BPS": not the article's end
        if block.label:
            continue
        if len(block.clean) < 300 and any(other.clean == block.clean for other in before + after):
            block.set("caption", "caption_repeated")
        elif any(other.clean.startswith(block.clean + " /") for other in after):
            block.set("caption", "caption_before_credited_copy")
        elif before and before[-1].label == "caption" and block.clean.startswith(before[-1].clean + " /"):
            block.set("caption", "caption_with_credit")
        elif after and after[0].label == "credit" and _could_be_caption(block):
            block.set("caption", "caption_before_credit")
        elif before and before[-1].reason == "photo_credit" and not (before[-2:-1] and before[-2].label == "caption") and not _looks_like_paragraph(block) and _could_be_caption(block):
            block.set("caption", "caption_after_credit")  # "Foto: ANTARA" printed above the photo's text
        elif before and before[-1].reason == "ad_marker" and CONTACT.search(block.clean) and len(block.clean) < 300:
            block.set("ad", "ad_text_after_marker")  # "IKLAN" over "Butuh data ...? Hubungi marketing@..."
        elif before and before[-1].reason in {"tag_header", "tag_after_header"} and len(block.clean.split()) <= 4 and _looks_like_headline(block.clean):
            block.set("tags", "tag_after_header")  # "Topik:" over one tag a line
        elif before and before[-1].reason == "read_also_marker" and _looks_like_headline(block.clean):
            block.set("read_also", "linked_title_after_marker")
        elif before and before[-1].reason == "video_embed" and VIDEO_HEADER.match(before[-1].clean) and _looks_like_headline(block.clean):
            block.set("ad", "video_title_after_header")
        elif before and before[-1].label == "byline" and before[-1].clean.lower().endswith("oleh") and _looks_like_name(block.clean):
            block.set("byline", "name_after_byline")
            metadata.authors = [block.clean]
        elif any(AUTHOR_BOX.match(other.clean) for other in before[-2:]) and len(block.clean.split()) < 40:
            block.set("author_bio", "in_author_box")
        elif after and after[0].label == "author_bio" and len(block.clean.split()) <= 4 and not SENTENCE_END.search(block.clean):
            block.set("author_bio", "name_before_bio")
            metadata.authors = metadata.authors or [block.clean]
    for position, block in enumerate(content[1:], 1):  # a run of linked headlines under one marker
        previous = content[position - 1]
        if not block.label and previous.reason == "linked_title_after_marker" and _looks_like_headline(block.clean):
            block.set("read_also", "linked_title_after_marker")


def label_by_position(content: list[Block], metadata: Metadata) -> None:
    """Third pass: header, body and footer zones around the run of paragraph-like lines."""
    paragraphs = [i for i, block in enumerate(content) if not block.label and _looks_like_paragraph(block)]
    if not paragraphs:
        _label_without_body(content, metadata)
        return
    datelined = [i for i in paragraphs if _has_dateline(content[i])]
    if datelined:  # a dateline opens the body: what stands above it is the header (dek, captions)
        paragraphs = [i for i in paragraphs if i >= datelined[0]]
    first, last = paragraphs[0], paragraphs[-1]
    # The article ends at a closing editor/source line (after two paragraphs at least: the same
    # lines stand above the body on some sites) or where a second dateline opens another article.
    ends = [
        i for i in range(first + 1, len(content))
        if ((content[i].label in {"editor", "source", "byline", "tags"} or content[i].reason in {"comments_header", "read_more_link"}) and sum(p < i for p in paragraphs) >= 2)
        or (i in paragraphs and _has_dateline(content[i]) and any(_has_dateline(content[p]) for p in paragraphs if p < i))
    ]
    if ends:
        last = min(last, ends[0] - 1)
    first = _after_header_run(content, paragraphs, first, last)
    footer = _footer_run(content, paragraphs, first, last)
    last = footer - 1 if footer is not None else last
    stop = footer if footer is not None else ends[0] if ends else len(content)
    last = _through_closing_initials(content, last, stop)
    closed = ends and content[stop].label in {"editor", "source", "byline"}
    following = last + 1
    while following < stop and not content[following].label:
        line = _without_inserts(content[following].clean)
        if closed or SENTENCE_END.search(line) or _sentence_without_stop(line):
            last = following  # short closing paragraphs (and list headings before them) are body
        following += 1
    _label_header(content[:first], metadata, _content_words(" ".join(b.clean for b in content[first: last + 1])))
    for block in content[first: last + 1]:
        if not block.label:
            line = _without_inserts(block.clean)
            if _looks_like_headline(line) and (not line.endswith("?") or len(line.split()) <= 10):
                block.set("heading", "short_line_in_body")
            else:
                block.set("body", "body_text")
    for block in content[last + 1:]:
        if not block.label:
            if _looks_like_paragraph(block):
                block.set("related", "paragraph_after_article_end")
            elif len(block.clean.split()) >= 4:
                block.set("related", "headline_after_article_end")
            else:
                block.set("nav", "short_line_after_article_end")


def _sentence_without_stop(line: str) -> bool:
    """"Pembangkit listrik ini akan dibuat di beberapa lokasi": a last paragraph whose full stop was
    lost; a related headline after an article is shorter or capitalised word by word."""
    words = line.split()
    return len(words) >= 8 and sum(_lowercase_word(word) for word in words[1:]) >= 0.6 * (len(words) - 1)


def _footer_run(content: list[Block], paragraphs: list[int], first: int, last: int) -> int | None:
    """Where the page's footer starts when its short lines (share buttons, "Related", tags, comment
    counters) are followed by a last paragraph or two (an author bio, a disclaimer).

    A subheading is one short line; a run of three or more lines that are not paragraphs, two of
    them not yet labelled and not list items, with little text after it, is furniture.
    """
    for run in _short_line_runs(content, paragraphs, first, last):
        after = [p for p in paragraphs if run[-1] < p <= last]
        signed = any(CLOSING_INLINE.search(content[p].clean) for p in after)
        if len(after) <= 2 and not signed and _words(content, after) < 0.5 * _words(content, [p for p in paragraphs if first <= p < run[0]]):
            return run[0]
    return None


def _after_header_run(content: list[Block], paragraphs: list[int], first: int, last: int) -> int:
    """Where the body starts when an author box or share bar with a sentence or two in it (a
    disclosure, a standfirst) stands above the article: the mirror of `_footer_run`."""
    for run in reversed(_short_line_runs(content, paragraphs, first, last)):
        before = [p for p in paragraphs if first <= p < run[0]]
        after = [p for p in paragraphs if run[-1] < p <= last]
        if after and len(before) <= 2 and _words(content, before) < 0.5 * _words(content, after):
            return after[0]
    return first


def _short_line_runs(content: list[Block], paragraphs: list[int], first: int, last: int) -> list[list[int]]:
    """Maximal runs of 3+ non-paragraph lines, 2+ of them unlabelled and neither list items nor a
    list's lead-in ("... dapat dikemukakan bahwa:")."""
    runs, run = [], []
    for i in range(first + 1, last + 2):
        if i > last or i in paragraphs:
            open_lines = [j for j in run if not content[j].label and not LIST_ITEM.match(content[j].clean) and not content[j].clean.endswith(":") and not SENTENCE_END.search(content[j].clean)]
            if len(run) >= 3 and len(open_lines) >= 2:
                runs.append(run)
            run = []
        else:
            run.append(i)
    return runs


def _words(content: list[Block], indexes: list[int]) -> int:
    return sum(len(content[i].clean.split()) for i in indexes)


def _through_closing_initials(content: list[Block], last: int, stop: int) -> int:
    """A last paragraph signed with closing initials "(ysp)" after paging links is still the article's."""
    for i in range(last + 1, stop):
        block = content[i]
        if not block.label and CLOSING_INLINE.search(block.clean):
            return i
        if not block.label and len(block.clean.split()) > 2:
            break
    return last


def _label_header(header: list[Block], metadata: Metadata, body_words: set[str]) -> None:
    """Before the body: section names, then the title, then a standfirst, names and captions.

    The title is the first line of more than three words that is not a byline-like name and does
    not end like a sentence (that is a standfirst); failing that, the last short headline-like line
    before the body (a blog's name stands above its post's title), or the first line of three words
    or more that is not a site name. A title shares words with its article: a line of which fewer than
    a quarter of the words come back in the body (a site name, a tagline) is not one.
    """
    open_lines = [block for block in header if not block.label]
    candidates = [b for b in open_lines if len(re.findall(r"[^\W\d_]{2,}", b.clean)) >= 3 and not re.match(rf"{DOMAIN}(?:\s|$)", b.clean)]
    candidates = [b for b in candidates if _shares_words(b.clean, body_words) and not SITE_TAGLINE.match(b.clean)] or candidates
    strong = [b for b in candidates if not _looks_like_name(b.clean) and len(b.clean.split()) > 3 and not SENTENCE_END.search(b.clean)]
    menus = [b.index for b in header if b.reason in {"menu_row", "navigation_word"}]
    strong = [b for b in strong if not menus or b.index > max(menus)] or strong  # the site's name stands above its menus
    headlines = [b for b in candidates if not SENTENCE_END.search(b.clean)]
    title = strong[0] if strong else headlines[-1] if headlines else candidates[0] if candidates else (open_lines[-1] if open_lines else None)
    for block in open_lines:
        if SITE_TAGLINE.match(block.clean):
            block.set("nav", "site_tagline")
        elif block is title:
            block.set("title", "title_in_header")
            metadata.title = block.clean
        elif title is None or block.index < title.index:
            block.set("nav", "section_name_before_title")
        elif _below_credits(header, title, block) and 10 <= len(block.clean.split()) <= 35 and len(re.findall(r"[.!?](?:\s|$)", block.clean)) == 1:
            block.set("caption", "photo_text_above_body")  # a standfirst follows the title; one sentence under the byline and date describes the photo
        elif not any(b.label == "dek" for b in open_lines) and (len(block.clean.split()) >= 6 or _short_standfirst(block, title, open_lines, body_words)):
            block.set("dek", "standfirst_after_title")
        elif _looks_like_name(block.clean):
            block.set("byline", "name_in_header")
            metadata.authors = metadata.authors or [block.clean]
        elif 3 <= len(block.clean.split()) < 10 and SENTENCE_END.search(block.clean):
            block.set("body", "short_paragraph_before_body")  # losing a sentence is worse than keeping a stray one
        else:
            block.set("nav", "short_line_in_header")


def _short_standfirst(block: Block, title: Block, open_lines: list[Block], body_words: set[str]) -> bool:
    """"Bapepam sudah memperoleh cukup bukti" right under the title: a sentence-case phrase about the
    article, where a section name or a site's button is capitalised ("Masuk Daftar") or off-topic."""
    words = block.clean.split()
    follows_title = open_lines.index(block) == open_lines.index(title) + 1
    lowercase = sum(_lowercase_word(word) for word in words[1:])
    return follows_title and len(words) >= 4 and lowercase >= 2 and _shares_words(block.clean, body_words)


def _below_credits(header: list[Block], title: Block, block: Block) -> bool:
    return any(b.label in {"date", "byline", "editor"} for b in header if title.index < b.index < block.index)


def _content_words(text: str) -> set[str]:
    return {word for word in re.findall(r"[^\W\d_]{3,}", text.lower()) if word not in TITLE_FUNCTION_WORDS}


def _shares_words(line: str, body_words: set[str]) -> bool:
    words = _content_words(line)
    return not words or len(words & body_words) >= 0.25 * len(words)


def _label_without_body(content: list[Block], metadata: Metadata) -> None:
    """A text with no paragraph-like line (a short notice, a clean sentence list): keep what is left."""
    open_lines = [block for block in content if not block.label]
    for position, block in enumerate(open_lines):
        if position == 0:
            block.set("title", "first_content_line")
            metadata.title = block.clean
        else:
            block.set("body", "body_text")


def cut_inserts(blocks: list[Block]) -> list[Block]:
    """Split body lines around inline inserts; every block keeps exact raw offsets."""
    result: list[Block] = []
    for block in blocks:
        pieces = [(block.raw_start, block.raw_end, block.label, block.reason)]
        if block.label == "body":
            for label, reason, find in INSERTS:
                pieces = [cut for piece in pieces for cut in _cut(block, piece, label, reason, find)]
        for start, end, label, reason in pieces:
            text = block.text[start - block.raw_start: end - block.raw_start]
            result.append(Block(len(result), block.line, start, end, text, normalise_space(text), label, reason))
    return result


def _cut(block: Block, piece: tuple[int, int, str, str], label: str, reason: str, find) -> list[tuple[int, int, str, str]]:
    start, end, piece_label, piece_reason = piece
    if piece_label != "body":
        return [piece]
    text = block.text[start - block.raw_start: end - block.raw_start]
    span = find(text)
    if not span or not text[: span[0]].strip():
        return [piece]
    cut_start, cut_end = start + span[0], start + span[1]
    pieces = [(start, cut_start, piece_label, piece_reason), (cut_start, cut_end, label, reason)]
    if text[span[1]:].strip():
        pieces += _cut(block, (cut_end, end, piece_label, piece_reason), label, reason, find)
    elif cut_end < end:  # trailing whitespace goes with the insert
        pieces[-1] = (cut_start, end, label, reason)
    return pieces


def _could_be_caption(block: Block) -> bool:
    """Short, at most two sentences, and not headline-shaped (a title can stand above a credit too)."""
    line = block.clean
    if len(line) >= 250 or len(re.findall(r"[.!?](?:\s|$)", line)) > 2 or _has_dateline(block):
        return False
    return bool(re.search(r"[.!?)]$", line)) or bool(CAPTION_START.match(line)) or len(line.split()) >= 10


def _looks_like_paragraph(block: Block) -> bool:
    line = _without_inserts(block.clean)
    return len(line.split()) >= 10 and bool(SENTENCE_END.search(line)) or _has_dateline(block)


def _has_dateline(block: Block) -> bool:
    return any(pattern.match(block.clean) for pattern in DATELINES)


def _without_inserts(line: str) -> str:
    for _, _, find in INSERTS:
        while (span := find(line)) and line[: span[0]].strip():
            line = line[: span[0]] + line[span[1]:]
    return line


def _looks_like_headline(line: str) -> bool:
    return len(line) <= 150 and len(line.split()) <= 20 and not re.search(r"[.,;:…]['\"”’)]*$|\*{3}$", line)


def _is_menu_row(raw: str) -> bool:
    items = [item for item in MENU_SEPARATOR.split(raw.replace("\u00a0", " ").strip()) if item]
    return (
        len(items) >= 3 and len(raw) <= 160
        and all(len(item.split()) <= 3 and (item[0].isupper() or item[0].isdigit()) and not re.search(r"[.,;:!?]$", item) for item in items)
    )


def _looks_like_name(line: str) -> bool:
    words = line.split()
    return 1 <= len(words) <= 4 and all(word[0].isupper() for word in words)


def _looks_like_caption(line: str) -> bool:
    """A short line that ends in a photo credit, or opens like a photo description."""
    if len(line) > 300 or len(re.findall(r"[.!?](?:\s|$)", line)) > 2:
        return False
    if CAPTION_START.match(line) and len(line.split()) <= 25:
        return True
    if PHOTO_POSITION.search(line) and len(line.split()) <= 40:
        return True  # "Lee Kuan Yew (kiri) berbincang dengan ...": who stands where in the photo
    if re.search(r"[.!?] (?-i:AP|AFP|REUTERS|ANTARA|XINHUA|EPA|KCNA)$", line) and len(line.split()) <= 40:
        return True  # "Tentara AS berpatroli di Baghdad, Irak. AFP": a credit glued without brackets
    if OPEN_CREDIT.search(line):
        return True
    match = TRAILING_CREDIT.search(line)
    credit = (match["credit"] or match["bracketed"]) if match else ""
    if match and "/" in credit and credit.split("/")[0].isupper() and len(line[: match.start()].split()) < 10:
        return True  # "Mantan PM Bangladesh Khaleda Zia. (BP/ant)": too short to be a paragraph signed off
    if not match or CLOSING_INLINE.search(line):
        return False
    sentences = len(re.findall(r"[.!?](?:\s|$)", line[: match.start()]))
    agency = credit.isupper() and (credit.lower() in AGENCIES or "/" in credit)
    return sentences <= 1 and (bool(PHOTO_CREDIT_WORDS.search(credit)) or agency)


def parse_date_line(line: str) -> tuple[datetime, str | None] | None:
    """`Kamis 03 Nov 2022 16:40 WIB`, `Kompas.com - 25/08/2010, 10:15 WIB` -> (aware datetime, zone)."""
    if len(line) > 90:
        return None
    match = DATE_LINE.match(line)
    if not match:  # "Sabtu, 12 Rabiul Awwal 1428 H / 31 Maret 2007 10:45 WIB": the Hijri date, then ours
        return next((date for part in line.split(" / ")[1:] if (date := parse_date_line(part)) is not None), None)
    if match["month"]:
        month = MONTHS.get(match["month"].lower())
        day, year = match["day"], match["year"]
    else:
        month, day, year = int(match["nmonth"]), match["nday"], match["nyear"]
    if month is None:
        return None
    zone = (match["zone"] or "WIB").upper()
    try:
        local = datetime(int(year), month, int(day), int(match["hour"] or 0), int(match["minute"] or 0), tzinfo=timezone(timedelta(hours=TIME_ZONES[zone])))
    except ValueError:
        return None
    return local, match["zone"].upper() if match["zone"] else None


def _name_and_date(line: str) -> tuple[str, tuple[datetime, str | None]] | None:
    """`Arif Setiawan Nugroho • 05 Mei 2007 14:20`, `Posted on 9 Juli 2007 by Slamet Widodo`: an
    author's name and the date on one line."""
    if (posted := POSTED_ON.match(line)) and _looks_like_name(posted["name"]) and (date := parse_date_line(posted["date"])) is not None:
        return posted["name"], date
    name, separator, rest = line.partition(" • ") if " • " in line else line.partition(" | ")
    if separator and _looks_like_name(name) and (date := parse_date_line(rest.strip())) is not None:
        return name, date
    return None


def parse_credit_line(line: str) -> dict[str, list[str]] | None:
    """`Rep: X/ Red: Y`, `Penulis : X | Editor : Y`, `Sumber: AP News` -> {field: [values]}."""
    if len(line) > 150:
        return None
    credits: dict[str, list[str]] = {}
    for part in PART_SPLIT.split(line):
        match = KEY_VALUE.match(part.strip())
        if not match or match["key"].lower() not in CREDIT_KEYS or len(match["value"].split()) > 8:
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


def _byline_metadata(line: str, metadata: Metadata) -> None:
    """`Oleh X`, `Laporan Wartawan Tribunnews.com, X`, `X - detikNews`, `NAMA | BBC` -> authors."""
    if metadata.authors:
        return
    name = re.sub(r"^(?:oleh|penulis|laporan wartawan|laporan reporter)\s*:?\s*(?:\S+\.com,\s*)?", "", line, flags=re.IGNORECASE)
    name = re.split(r"\s*[-–,|]\s*", name)[0].strip()
    if name and not re.match(r"^tim\b", name, re.IGNORECASE):
        metadata.authors = [name.title() if name.isupper() else name]


def normalise_agency(name: str) -> str:
    key = re.sub(r"[^a-z ]", "", name.lower()).strip()
    return AGENCIES.get(key, name.strip())


def parse_dateline(blocks: list[Block], metadata: Metadata) -> None:
    first_body = next((block for block in blocks if block.label == "body"), None)
    if first_body is None:
        return
    for pattern in DATELINES:
        if match := pattern.match(first_body.clean):
            outlet = match["outlet"]
            metadata.outlet = outlet.lower() if "." in outlet else outlet
            metadata.dateline = (match.groupdict().get("city") or "").strip() or None
            if outlet.lower() in AGENCIES and not metadata.agency:
                metadata.agency = AGENCIES[outlet.lower()]
            return


def trailing_agency(blocks: list[Block], metadata: Metadata) -> None:
    """An agency signature closing the last body paragraph: `... dengan lebih baik. (AP)`."""
    body = [block for block in blocks if block.label == "body"]
    match = TRAILING_CREDIT.search(body[-1].clean) if body else None
    if match and not metadata.agency and (match["credit"] or "").lower() in AGENCIES:
        metadata.agency = AGENCIES[match["credit"].lower()]
