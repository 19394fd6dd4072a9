"""Lay out the local UD Indonesian files as a UD-style treebank folder for Stanza's own tools.

Writes $UDBASE/UD_Indonesian-Berita/id_berita-ud-{train,dev,test}.conllu (outside the repo):

  train = CSUI train + GSD dev, each minus its last 10% of sentences
  dev   = the last 10% of CSUI train + the last 10% of GSD dev (Stanza's early stopping / model selection)
  test  = CSUI test, only so that Stanza's run_tokenizer/run_mwt print a report after training;
          it is never trained on and never used to pick a model or a step.

PUD test is not touched here at all.

    python training/stanza/prepare_data.py --data ../shared/data/ud --udbase /tmp/stanza_work/ud
"""

from __future__ import annotations

import argparse
from pathlib import Path

DEV_FRACTION = 0.10
TRAIN_SOURCES = ["id_csui-ud-train.conllu", "id_gsd-ud-dev.conllu"]
REPORT_TEST = "id_csui-ud-test.conllu"


def read_blocks(path: Path) -> list[str]:
    """Sentences of a CoNLL-U file as raw text blocks (comments and token lines kept verbatim)."""
    text = path.read_text(encoding="utf-8")
    return [block.strip("\n") for block in text.split("\n\n") if block.strip()]


def write_blocks(path: Path, blocks: list[str]) -> None:
    path.write_text("\n\n".join(blocks) + "\n\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, required=True, help="folder with the id_*-ud-*.conllu files")
    parser.add_argument("--udbase", type=Path, required=True, help="UDBASE folder to write the treebank into")
    args = parser.parse_args()

    out = args.udbase / "UD_Indonesian-Berita"
    out.mkdir(parents=True, exist_ok=True)
    train, dev = [], []
    for name in TRAIN_SOURCES:
        blocks = read_blocks(args.data / name)
        n_dev = round(len(blocks) * DEV_FRACTION)
        train += blocks[:-n_dev]
        dev += blocks[-n_dev:]
        print(f"{name}: {len(blocks)} sentences -> train {len(blocks) - n_dev}, dev {n_dev}")
    test = read_blocks(args.data / REPORT_TEST)
    write_blocks(out / "id_berita-ud-train.conllu", train)
    write_blocks(out / "id_berita-ud-dev.conllu", dev)
    write_blocks(out / "id_berita-ud-test.conllu", test)
    print(f"wrote {out}: train {len(train)}, dev {len(dev)}, test (report only) {len(test)} sentences")


if __name__ == "__main__":
    main()
