"""NER recipes under IndoLEM's 5-fold cross-validation of NER UI, side by side in one table.

For each recipe (a spaCy config) and each fold k: train on NER UI train.0k (+ NERGrit train unless
--no-nergrit; + NER UGM train.0k for a recipe named `config+nerugm`, its O on capitalised tokens
taken as unknown; + our NER annotation of bapos sentences for `config+bapos`; NER UI train three
times for `config+nerui3`, so the small in-domain set weighs more in the mix; + the bapos POS train
split when the recipe has a tagger; from a `spacy pretrain` tok2vec with --init-tok2vec) with NER UI dev.0k for
model selection, then score entity-level exact match on NER UI test.0k, NERGrit valid and NER UGM test.0k
(PER/ORG/LOC; never trained on), each scored as `berita evaluate ner` scores it (the model with
the entities stage's `entity_edges` rule). Prints per-fold rows and the average per recipe. Trains 5 models per
recipe (~7-10 min each on 2 CPU cores): a long benchmark, not a test (~1.5 h for the default two).

    python benchmarks/ner_folds.py [--recipes training/configs/ner.cfg,training/configs/ner_v3.cfg+nerugm]
        [--folds 1,2,3,4,5] [--keep-models DIR] [--init-tok2vec FILE]

With --keep-models, each fold's model is kept as DIR/<config>/fold0k: `berita evaluate ner
test.0k.tsv --ner-model DIR/<config>/fold0k` then gives that fold's row again, and `--rescore DIR`
scores kept models without training them again.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from spacy.util import load_config

from pipeline.evaluate import evaluate_ner

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "ner"
CONVERT = ROOT / "training" / "scripts" / "convert_ner.py"
CONVERT_POS = ROOT / "training" / "scripts" / "convert_pos.py"
BAPOS = ROOT.parent / "shared" / "data" / "pos" / "bapos"
POS_TRAIN = BAPOS / "train.txt"
BAPOS_NER = ROOT / "training" / "annotations" / "idn_tagged_ner.tsv"
REBUILD_BAPOS = ROOT / "training" / "scripts" / "bapos_ner.py"
AUGMENTERS = ROOT / "training" / "scripts" / "augment.py"


def run(*command: str) -> None:
    """Quiet unless it fails; then the command's own error ends the benchmark."""
    result = subprocess.run([sys.executable, *command], check=False, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if result.returncode:
        sys.exit(f"failed: {' '.join(command)}\n{result.stderr[-3000:]}")


def gold_files(fold: str) -> dict[str, Path]:
    return {"test": DATA / "nerui" / f"test.{fold}.tsv", "nergrit": DATA / "nergrit" / "valid.txt", "nerugm": DATA / "nerugm" / f"test.{fold}.tsv"}


def scores(model: Path, fold: str) -> dict:
    """As `berita evaluate ner` scores it: the model as the entities stage runs it."""
    return {name: evaluate_ner(gold, model) for name, gold in gold_files(fold).items()}


def fold_scores(config: Path, fold: str, nergrit: bool, extras: set[str], init_tok2vec: Path | None, work: Path) -> dict:
    train_files = [DATA / "nerui" / f"train.{fold}.tsv"] * (3 if "nerui3" in extras else 1) + ([DATA / "nergrit" / "train.txt"] if nergrit else [])
    if "bapos" in extras:
        run(str(REBUILD_BAPOS), str(BAPOS_NER), str(BAPOS), str(work / "bapos_ner.tsv"))
        train_files.append(work / "bapos_ner.tsv")
    partial = ["--partial", str(DATA / "nerugm" / f"train.{fold}.tsv")] if "nerugm" in extras else []
    run(str(CONVERT), str(work / "train" / "ner.spacy"), *map(str, train_files), *partial)
    if "tagger" in load_config(config)["nlp"]["pipeline"]:
        run(str(CONVERT_POS), str(work / "train" / "pos.spacy"), str(POS_TRAIN))
    run(str(CONVERT), str(work / "dev.spacy"), str(DATA / "nerui" / f"dev.{fold}.tsv"))
    pretrained = ["--paths.init_tok2vec", str(init_tok2vec)] if init_tok2vec else []
    run("-m", "spacy", "train", str(config), "--output", str(work / "model"), "--paths.train", str(work / "train"), "--paths.dev", str(work / "dev.spacy"), "--code", str(AUGMENTERS), *pretrained)
    return scores(work / "model" / "model-best", fold)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--recipes", default="training/configs/ner.cfg,training/configs/ner_v3.cfg+nerugm", help="comma-separated configs; config+nerugm also trains on NER UGM, config+bapos on our bapos annotation (default: the session-1 recipe and the shipped one)")
    parser.add_argument("--folds", default="1,2,3,4,5")
    parser.add_argument("--no-nergrit", action="store_true", help="train without NERGrit")
    parser.add_argument("--keep-models", type=Path, metavar="DIR", help="keep each fold's model as DIR/<config>/fold0k")
    parser.add_argument("--init-tok2vec", type=Path, metavar="FILE", help="start every recipe's tok2vec from these `spacy pretrain` weights")
    parser.add_argument("--rescore", type=Path, metavar="DIR", help="no training: score the models kept in DIR/<config>/fold0k")
    args = parser.parse_args()
    print("| recipe | fold | NER UI test F1 | PER | ORG | LOC | NERGrit valid F1 | NER UGM test F1 |")
    print("|---|---|---|---|---|---|---|---|")
    for recipe in args.recipes.split(","):
        config, *extra = recipe.split("+")
        config, extras = ROOT / config, set(extra)
        name = config.name + (" + NER UGM" if "nerugm" in extras else "") + (" + bapos NER" if "bapos" in extras else "") + (" + NER UI x3" if "nerui3" in extras else "")
        name += (" (no NERGrit)" if args.no_nergrit else "") + (f" from {args.init_tok2vec.name}" if args.init_tok2vec else "")
        rows = []
        for fold in (f"{int(k):02d}" for k in args.folds.split(",")):
            if args.rescore:
                result = scores(args.rescore / config.stem / f"fold{fold}", fold)
            else:
                with tempfile.TemporaryDirectory() as tmp:
                    result = fold_scores(config, fold, not args.no_nergrit, extras, args.init_tok2vec, Path(tmp))
                    if args.keep_models:
                        shutil.copytree(Path(tmp) / "model" / "model-best", args.keep_models / config.stem / f"fold{fold}", dirs_exist_ok=True)
            per = {label: 100 * v["f1"] for label, v in result["test"]["per_label"].items()}
            row = [100 * result["test"]["f1"], per.get("PER", 0), per.get("ORG", 0), per.get("LOC", 0)]
            row += [100 * result["nergrit"]["f1"], 100 * result["nerugm"]["f1"]]
            rows.append(row)
            print(f"| {name} | {fold} | " + " | ".join(f"{v:.1f}" for v in row) + " |", flush=True)
        average = [sum(column) / len(rows) for column in zip(*rows)]
        print(f"| {name} | **average** | " + " | ".join(f"**{v:.1f}**" for v in average) + " |", flush=True)


if __name__ == "__main__":
    main()
