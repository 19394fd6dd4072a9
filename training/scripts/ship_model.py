"""Copy a trained spaCy model into models/ with a model card built from its held-out scores."""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

CARD = """# {lang}_{name} {version}

spaCy NER pipeline (`tok2vec` + `ner`, CNN, CPU) for Indonesian news, labels **PER, ORG, LOC**.
Used by the `entities` stage of the berita pipeline; loaded from this folder, never downloaded.

## Data
- Trained on: NER UI (IndoLEM) `train.{fold}.tsv` + NERGrit (IndoNLU) `train.txt`, labels mapped
  PERSON→PER, ORGANIZATION/ORGANISATION→ORG, LOCATION/PLACE→LOC.
- Model selection (dev): NER UI `dev.{fold}.tsv`.
- Never trained on (reported below): NER UI `test.{fold}.tsv`, NERGrit `valid.txt`.
- Left out: NER UGM (its guidelines differ, e.g. "Indonesia" often O).

## Held-out scores (entity-level exact match, gold tokenisation)
| split | P | R | F1 |
|---|---|---|---|
{overall_rows}

Per label:
| split | label | P | R | F1 |
|---|---|---|---|---|
{label_rows}

## Reproduce
`cd training && python -m spacy project run all` (reads `../../shared/data`; ~10 min on 2 CPU cores).
Config: `training/configs/ner.cfg` (spaCy `efficiency` NER config, seed {seed}).

## Limits
Trained on sentence-level news and encyclopedic text from before 2020: names that are rare there
(e.g. KCNA, Pentagon) can be missed; no coreference, no nested entities.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("model", type=Path)
    parser.add_argument("target", type=Path)
    parser.add_argument("metrics", type=Path, nargs="+", help="spacy evaluate JSON files, named after their split")
    parser.add_argument("--fold", default="01")
    parser.add_argument("--seed", default="0")
    args = parser.parse_args()

    scores = {path.stem: json.loads(path.read_text()) for path in args.metrics}
    if args.target.exists():
        shutil.rmtree(args.target)
    shutil.copytree(args.model, args.target)
    meta_path = args.target / "meta.json"
    meta = json.loads(meta_path.read_text())
    meta.update(
        name="berita_ner",
        version="0.1.0",
        description="Indonesian news NER (PER/ORG/LOC), trained on NER UI + NERGrit",
        license="research use (IndoLEM / IndoNLU data terms)",
        sources=[
            {"name": "NER UI (IndoLEM)", "url": "https://github.com/indolem/indolem", "license": "research use"},
            {"name": "NERGrit (IndoNLU)", "url": "https://github.com/IndoNLP/indonlu", "license": "research use"},
        ],
        heldout_scores={split: {"ents_p": s["ents_p"], "ents_r": s["ents_r"], "ents_f": s["ents_f"]} for split, s in scores.items()},
    )
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False))

    def pct(value: float) -> str:
        return f"{100 * value:.1f}"

    overall_rows = "\n".join(f"| {split} | {pct(s['ents_p'])} | {pct(s['ents_r'])} | {pct(s['ents_f'])} |" for split, s in scores.items())
    label_rows = "\n".join(
        f"| {split} | {label} | {pct(v['p'])} | {pct(v['r'])} | {pct(v['f'])} |"
        for split, s in scores.items()
        for label, v in sorted(s["ents_per_type"].items())
    )
    card = CARD.format(lang=meta["lang"], name=meta["name"], version=meta["version"], fold=args.fold, seed=args.seed, overall_rows=overall_rows, label_rows=label_rows)
    (args.target / "README.md").write_text(card)
    print(f"shipped {args.model} -> {args.target}")


if __name__ == "__main__":
    main()
