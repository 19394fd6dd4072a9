"""Copy a trained spaCy model into models/ with a model card built from its held-out scores.

The card is a Markdown template (`--card`) whose `{scores}` is replaced by a table of every score
in the `spacy evaluate` JSON files, one row per file (named after its held-out split).
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

SCORES = {  # spacy evaluate key -> column name
    "ents_p": "NER P", "ents_r": "NER R", "ents_f": "NER F1",
    "sents_p": "sentence P", "sents_r": "sentence R", "sents_f": "sentence F1",
    "pos_acc": "UPOS acc", "lemma_acc": "lemma acc",
}


def scores_table(scores: dict[str, dict]) -> str:
    keys = [key for key in SCORES if any(s.get(key) is not None for s in scores.values())]
    lines = ["| split | " + " | ".join(SCORES[k] for k in keys) + " |", "|---|" + "---|" * len(keys)]
    lines += [f"| {split} | " + " | ".join(f"{100 * s[k]:.1f}" if s.get(k) is not None else "–" for k in keys) + " |" for split, s in scores.items()]
    per_type = [(split, label, v) for split, s in scores.items() for label, v in sorted((s.get("ents_per_type") or {}).items())]
    if per_type:
        lines += ["", "Per label:", "", "| split | label | P | R | F1 |", "|---|---|---|---|---|"]
        lines += [f"| {split} | {label} | {100 * v['p']:.1f} | {100 * v['r']:.1f} | {100 * v['f']:.1f} |" for split, label, v in per_type]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("model", type=Path)
    parser.add_argument("target", type=Path)
    parser.add_argument("metrics", type=Path, nargs="+", help="spacy evaluate JSON files, named after their split")
    parser.add_argument("--card", type=Path, required=True, help="Markdown template with {scores}")
    parser.add_argument("--name", required=True)
    parser.add_argument("--version", required=True)
    parser.add_argument("--description", required=True)
    args = parser.parse_args()

    scores = {path.stem: json.loads(path.read_text()) for path in args.metrics}
    if args.target.exists():
        shutil.rmtree(args.target)
    shutil.copytree(args.model, args.target)
    meta_path = args.target / "meta.json"
    meta = json.loads(meta_path.read_text())
    meta.update(
        name=args.name,
        version=args.version,
        description=args.description,
        license="research use (see the model card for the data terms)",
        heldout_scores={split: {k: s[k] for k in SCORES if s.get(k) is not None} for split, s in scores.items()},
    )
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False))
    card = args.card.read_text().replace("{scores}", scores_table(scores)).replace("{name}", f"{meta['lang']}_{args.name} {args.version}")
    (args.target / "README.md").write_text(card)
    print(f"shipped {args.model} -> {args.target}")


if __name__ == "__main__":
    main()
