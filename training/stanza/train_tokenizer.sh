#!/usr/bin/env bash
# Train the Stanza tokenizer + MWT expander for Indonesian news from the local UD files, copy the
# models into models/stanza-id/ and score them (CSUI test, PUD test, each file as one text).
#
#   bash training/stanza/train_tokenizer.sh            # from the repo root (or anywhere)
#
# Needs: pip install torch==2.13.0 stanza==1.15.0 (CPU). No network: nothing is downloaded.
# Environment knobs: DATA (folder with id_*-ud-*.conllu, default ../shared/data/ud beside the repo),
# STANZA_WORK (scratch folder, default /tmp/stanza_work), STEPS (tokenizer steps, default 7500).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
DATA="$(cd "${DATA:-$REPO/../shared/data/ud}" && pwd)"
WORK="${STANZA_WORK:-/tmp/stanza_work}"
STEPS="${STEPS:-7500}"
OUT="$REPO/models/stanza-id"
TREEBANK=UD_Indonesian-Berita   # short name id_berita; a folder we lay out ourselves under $UDBASE

# one core only: leave the other one free
export OMP_NUM_THREADS=1 MKL_NUM_THREADS=1
# Stanza's data/tool paths (stanza/utils/default_paths.py)
export UDBASE="$WORK/ud" DATA_ROOT="$WORK/data"
export TOKENIZE_DATA_DIR="$WORK/data/tokenize" MWT_DATA_DIR="$WORK/data/mwt"
# no hub access is needed; make any attempt fail fast instead of hanging
export HF_HUB_OFFLINE=1

mkdir -p "$WORK" "$OUT"
cd "$WORK"
stamp() { echo "[$(date '+%F %T')] $*"; }

python -c 'import stanza, torch' || { echo "activate the environment with torch==2.13.0 and stanza first" >&2; exit 1; }
stamp "python $(command -v python), stanza $(python -c 'import stanza; print(stanza.__version__)'), torch $(python -c 'import torch; print(torch.__version__)')"
stamp "1/6 lay out the UD folder from $DATA"
python "$HERE/prepare_data.py" --data "$DATA" --udbase "$UDBASE"

stamp "2/6 tokenizer data (txt, toklabels, mwt json) with Stanza's prepare_tokenizer_treebank"
python -m stanza.utils.datasets.prepare_tokenizer_treebank "$TREEBANK"

stamp "3/6 train the tokenizer ($STEPS steps, no charlm)"
start=$SECONDS
python -m stanza.utils.training.run_tokenizer "$TREEBANK" --no_charlm --force \
    --save_dir "$WORK/saved_models/tokenize" --save_name id_berita_tokenizer.pt \
    --steps "$STEPS"
stamp "tokenizer trained in $((SECONDS - start)) s"

stamp "4/6 MWT data with Stanza's prepare_mwt_treebank"
python -m stanza.utils.datasets.prepare_mwt_treebank "$TREEBANK"

stamp "5/6 train the MWT expander (Stanza defaults: 30 epochs)"
start=$SECONDS
python -m stanza.utils.training.run_mwt "$TREEBANK" --force \
    --save_dir "$WORK/saved_models/mwt" --save_name id_berita_mwt.pt
stamp "MWT expander trained in $((SECONDS - start)) s"

stamp "6/6 copy the models to $OUT and score them"
cp "$WORK/saved_models/tokenize/id_berita_tokenizer.pt" "$OUT/id_berita_tokenizer.pt"
cp "$WORK/saved_models/mwt/id_berita_mwt.pt" "$OUT/id_berita_mwt.pt"
# Stanza's Pipeline insists on reading a resources.json; an empty one makes it load exactly the
# model paths it is given, with download_method=None and no network.
echo '{}' > "$OUT/resources.json"
python "$HERE/evaluate.py" --models "$OUT" --data "$DATA" --json "$HERE/scores.json"
stamp "done"
