"""Words per second of each stage, single process, on the seeds repeated to >= 100k words.

Side by side: the shipped NER model run the naive way (spaCy's own tokenizer over whole raw
articles, no cleaning, no sentence split), to show what the staged pipeline costs. Models are
loaded before timing; peak memory is the process's maximum resident set size.

    python benchmarks/throughput.py [--words 100000]
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from pipeline import clean, entities, models, schema, sentences
from pipeline.readers import RawArticle, read_inputs

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def corpus(min_words: int) -> list[RawArticle]:
    articles = [r for r in read_inputs([SEEDS]) if isinstance(r, RawArticle)]
    result, words, copy = [], 0, 0
    while words < min_words:
        for article in articles:
            result.append(RawArticle(f"{article.doc_id}-{copy}", article.source, article.format, None, article.raw_text, False))
            words += len(article.raw_text.split())
        copy += 1
    return result


def timed(function, *args):
    started = time.perf_counter()
    value = function(*args)
    return value, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", type=int, default=100_000)
    args = parser.parse_args()
    articles = corpus(args.words)
    raw = schema.from_rows([vars(a) for a in articles], schema.RAW)
    nlp = entities.load_ner(models.NER_MODEL)  # loaded before timing, as the stage will find it
    sentences.load_splitter()

    tables = {"raw": raw}
    output, clean_seconds = timed(clean.run, tables)
    tables.update(output)
    words = sum(tables["documents"].column("n_words").to_pylist())
    output, sentence_seconds = timed(sentences.run, tables)
    tables.update(output)
    output, entity_seconds = timed(entities.run, tables)
    tables.update(output)
    naive_docs, naive_seconds = timed(lambda: list(nlp.pipe(raw.column("raw_text").to_pylist(), batch_size=64)))
    naive_words = sum(len(text.split()) for text in raw.column("raw_text").to_pylist())
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    rows = [
        ("clean", words / clean_seconds),
        ("sentences (tokens + splitter)", words / sentence_seconds),
        ("entities (shipped NER on sentence tokens, canonical names, mentions, quotes)", words / entity_seconds),
        ("whole pipeline: clean + sentences + entities", words / (clean_seconds + sentence_seconds + entity_seconds)),
        ("sentences + entities", words / (sentence_seconds + entity_seconds)),
        ("baseline: nlp.pipe(raw article) with the same NER model", naive_words / naive_seconds),
    ]
    print(f"{len(articles)} articles, {words:,} clean words ({naive_words:,} raw), 1 process; peak RSS {peak_mb:,.0f} MB; "
          f"{len(tables['entities'])} entities vs {sum(len(d.ents) for d in naive_docs)} for the baseline")
    print("| what | words/s |")
    print("|---|---|")
    for name, speed in rows:
        print(f"| {name} | {speed:,.0f} |")


if __name__ == "__main__":
    main()
