"""Score the trained Stanza tokenizer (+ MWT) on UD Indonesian test files, each file as ONE text.

Every `# text =` sentence of a file is joined with a single space; the model sees that one string.
Sentence-boundary and token-boundary F1 are by exactly matching character spans (CoNLL 2018 UD
evaluation). Gold token spans: each surface token form (a multiword-token range line counts once,
as written) is found in its sentence text in order. Predicted token spans are Stanza's tokens
(`start_char`, `end_char`), i.e. surface tokens before MWT expansion. Words/s = gold surface tokens
per second of `nlp(text)` (one core, after a warm-up call, median of three runs). Also reported: the official CoNLL 2018
evaluation (Stanza's copy, `ud_scores`) of the predicted CoNLL-U against the gold file, whose
"Words" F1 measures the MWT expansion (syntactic words) too.

    python training/stanza/evaluate.py --models models/stanza-id --data ../shared/data/ud \
        --json training/stanza/scores.json
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

import torch

from pipeline.evaluate import boundary_scores, gold_spans

FILES = ["id_csui-ud-test.conllu", "id_pud-ud-test.conllu"]


def load_pipeline(models: Path, use_mwt: bool):
    import stanza

    kwargs = {"tokenize_model_path": str(models / "id_berita_tokenizer.pt")}
    processors = "tokenize"
    if use_mwt:
        processors = "tokenize,mwt"
        kwargs["mwt_model_path"] = str(models / "id_berita_mwt.pt")
    # Stanza reads a resources.json even with download_method=None; the shipped one is `{}`, so the
    # Pipeline loads exactly the model paths given here and never looks anything up.
    return stanza.Pipeline(lang="id", processors=processors, resources_filepath=str(models / "resources.json"),
                           download_method=None, use_gpu=False, **kwargs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--models", type=Path, required=True)
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--json", type=Path, default=None, help="write the scores here as JSON")
    args = parser.parse_args()
    torch.set_num_threads(1)
    from stanza.models.common.utils import ud_scores
    from stanza.utils.conll import CoNLL

    configs = [("tokenize", False)]
    if (args.models / "id_berita_mwt.pt").exists():
        configs.append(("tokenize,mwt", True))
    results = []
    for processors, use_mwt in configs:
        nlp = load_pipeline(args.models, use_mwt)
        for name in FILES:
            text, gold_sentences, gold_tokens = gold_spans(args.data / name)
            nlp(text[:2000])  # warm-up
            timings = []
            for _ in range(3):  # median of three runs for the speed
                started = time.perf_counter()
                doc = nlp(text)
                timings.append(time.perf_counter() - started)
            seconds = sorted(timings)[1]
            predicted_sentences = [(s.tokens[0].start_char, s.tokens[-1].end_char) for s in doc.sentences if s.tokens]
            predicted_tokens = [(t.start_char, t.end_char) for s in doc.sentences for t in s.tokens]
            assert all(text[a:b] == t.text for (a, b), t in zip(predicted_tokens, (t for s in doc.sentences for t in s.tokens)))
            with tempfile.NamedTemporaryFile("w", suffix=".conllu", delete=False) as handle:
                predicted_conllu = handle.name
            CoNLL.write_doc2conll(doc, predicted_conllu)
            official = ud_scores(str(args.data / name), predicted_conllu)
            Path(predicted_conllu).unlink()
            row = {
                "file": name,
                "processors": processors,
                "sentences": boundary_scores(gold_sentences, predicted_sentences),
                "tokens": boundary_scores(gold_tokens, predicted_tokens),
                "words": sum(len(s.words) for s in doc.sentences),
                "conll18_ud_eval_f1": {k: official[k].f1 for k in ("Tokens", "Sentences", "Words")},
                "seconds": seconds,
                "words_per_second": len(gold_tokens) / seconds,
            }
            results.append(row)
    print("| processors | file | sentence F1 | token F1 | UD-eval Words F1 | words/s |")
    print("|---|---|---|---|---|---|")
    for row in results:
        print(f"| {row['processors']} | {row['file'].removesuffix('.conllu')} | {100 * row['sentences']['f1']:.2f} "
              f"| {100 * row['tokens']['f1']:.2f} | {100 * row['conll18_ud_eval_f1']['Words']:.2f} | {row['words_per_second']:,.0f} |")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
