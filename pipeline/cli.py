"""`berita`: the command line. It parses arguments and calls the runner; no pipeline logic here."""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from pathlib import Path

from pipeline import __version__, models, runner, sentences, tables
from pipeline.executors import DaskExecutor, LocalExecutor

EPILOG = "Tables are Parquet datasets: pandas.read_parquet('outputs/entities.parquet')."


class OneLineParser(argparse.ArgumentParser):
    """Usage errors as one line and exit code 2, not a usage block."""

    def error(self, message: str) -> None:
        self.exit(2, f"berita: error: {message} (see --help)\n")


def stage_list(value: str) -> tuple[str, ...]:
    names = tuple(name.strip() for name in value.split(",") if name.strip())
    try:
        return runner.check_stages(names)
    except runner.UsageError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {number}")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(prog="berita", description="Indonesian news NLP pipeline: clean, split and tag articles into Parquet tables.", epilog=EPILOG)
    parser.add_argument("--version", action="version", version=f"berita {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=OneLineParser)

    run = commands.add_parser("run", help="run the pipeline on articles", description="Read articles (.txt, .html/.htm, .jsonl, .parquet files or folders of them), run the stages and write the tables to OUT. Tables of an earlier run in OUT are replaced.", epilog=EPILOG)
    run.add_argument("inputs", nargs="+", type=Path, metavar="INPUT", help="files or folders")
    run.add_argument("--out", type=Path, default=Path("outputs"), help="output folder (default: outputs)")
    run.add_argument("--stages", type=stage_list, default=runner.STAGE_ORDER, help="comma-separated, from clean,sentences,entities (default: all); without clean the input text is taken as clean already")
    run.add_argument("--workers", type=positive, default=1, help="parallel worker processes (default: 1); with dask, LocalCluster workers")
    run.add_argument("--executor", choices=["local", "dask"], default="local", help="local processes (default) or a Dask cluster")
    run.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address (tcp://host:8786); without it a LocalCluster is started. Workers must see the same paths (inputs, OUT, models).")
    run.add_argument("--resume", action=argparse.BooleanOptionalAction, default=True, help="skip shards finished by an earlier run on the same input and settings (default: on)")
    run.add_argument("--shard-size", type=positive, default=1000, help="documents per shard, i.e. per part file (default: 1000)")
    run.add_argument("--splitter", choices=sentences.SPLITTERS, default=sentences.DEFAULT_SPLITTER, help=f"sentence splitter (default: {sentences.DEFAULT_SPLITTER}; see README for the bake-off)")
    run.add_argument("--ner-model", type=Path, default=models.ner_model_path(), help="spaCy NER model folder (default: the shipped models/ner-id)")

    stage = commands.add_parser("stage", help="re-run one stage from the tables in OUT", description="Re-run one stage from the tables already in OUT and replace only that stage's tables (and, with --downstream, those of the stages after it).", epilog=EPILOG)
    stage.add_argument("name", choices=runner.STAGE_ORDER)
    stage.add_argument("--out", type=Path, default=Path("outputs"), help="folder with the tables (default: outputs)")
    stage.add_argument("--downstream", action="store_true", help="also re-run the stages after NAME")
    stage.add_argument("--workers", type=positive, default=1, help="parallel worker processes (default: 1); with dask, LocalCluster workers")
    stage.add_argument("--executor", choices=["local", "dask"], default="local", help="local processes (default) or a Dask cluster")
    stage.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address; without it a LocalCluster is started")
    stage.add_argument("--splitter", choices=sentences.SPLITTERS, default=sentences.DEFAULT_SPLITTER, help=f"sentence splitter (default: {sentences.DEFAULT_SPLITTER})")
    stage.add_argument("--ner-model", type=Path, default=models.ner_model_path(), help="spaCy NER model folder (default: the shipped models/ner-id)")

    report = commands.add_parser("report", help="write one self-contained HTML page summarising the tables", description="Write one self-contained HTML file (no scripts, nothing fetched) over the tables in OUT: counts per outlet and day, top people, organisations and places, entities mentioned together, quoted speakers, and one article with its entities marked and its dropped lines struck through. Only aggregates are embedded, so it stays small for large collections.", epilog=EPILOG)
    report.add_argument("--out", type=Path, default=Path("outputs"), help="folder with the tables (default: outputs)")
    report.add_argument("--doc", metavar="DOC_ID", help="the article to show (default: the one with the most entities)")
    report.add_argument("--html", type=Path, metavar="PATH", help="where to write the page (default: OUT/report.html)")
    report.add_argument("--top", type=positive, default=20, help="rows in each top-N table (default: 20)")

    evaluate = commands.add_parser("evaluate", help="score the shipped models on a gold file", description="Score the shipped models on gold data.")
    tasks = evaluate.add_subparsers(dest="task", required=True, parser_class=OneLineParser)
    ner = tasks.add_parser("ner", help="entity-level P/R/F1 on a token<TAB>BIO file", description="Entity-level exact-match precision/recall/F1 on a token<TAB>BIO file (blank line between sentences); labels are mapped to PER/ORG/LOC.")
    ner.add_argument("gold", type=Path)
    ner.add_argument("--ner-model", type=Path, default=models.ner_model_path(), help="spaCy NER model folder (default: the shipped models/ner-id)")
    ner.add_argument("--json", action="store_true", help="print one JSON object")
    sent = tasks.add_parser("sentences", help="sentence and token boundary F1 on a CoNLL-U file", description="Sentence and token boundary F1 by character spans (as the CoNLL 2018 UD evaluation), the whole file taken as one text.")
    sent.add_argument("gold", type=Path)
    sent.add_argument("--splitter", choices=sentences.SPLITTERS, default=sentences.DEFAULT_SPLITTER, help=f"sentence splitter (default: {sentences.DEFAULT_SPLITTER})")
    sent.add_argument("--json", action="store_true", help="print one JSON object")
    return parser


def main(argv: list[str] | None = None) -> None:
    args = build_parser().parse_args(argv)
    command = "berita " + shlex.join(sys.argv[1:] if argv is None else argv)
    try:
        if args.command == "run":
            settings = runner.Settings(args.out, args.stages, args.ner_model, args.splitter)
            print_summary(runner.run(args.inputs, settings, make_executor(args), args.shard_size, args.resume, command))
        elif args.command == "stage":
            names = runner.STAGE_ORDER[runner.STAGE_ORDER.index(args.name):] if args.downstream else (args.name,)
            settings = runner.Settings(args.out, names, args.ner_model, args.splitter)
            print_summary(runner.rerun(names, settings, make_executor(args), command))
        elif args.command == "report":
            from pipeline import report  # pandas and displaCy are only needed here

            print(report.write_report(args.out, args.html, args.doc, args.top))
        else:
            print_scores(args)
    except (runner.UsageError, tables.TableError, FileNotFoundError, ImportError) as error:
        sys.exit(f"berita: error: {error}")


def make_executor(args: argparse.Namespace) -> LocalExecutor | DaskExecutor:
    if args.executor == "dask":
        return DaskExecutor(args.scheduler, args.workers)
    if args.scheduler:
        raise runner.UsageError("--scheduler needs --executor dask")
    return LocalExecutor(args.workers)


def print_scores(args: argparse.Namespace) -> None:
    from pipeline import evaluate  # spaCy's scorer is only needed here

    if not args.gold.is_file():
        raise FileNotFoundError(f"gold file not found: {args.gold}")
    if args.task == "ner":
        scores = evaluate.evaluate_ner(args.gold, args.ner_model)
        rows = [("all", scores)] + list(scores["per_label"].items())
        title = f"{scores['model']} on {args.gold} ({scores['sentences']} sentences)"
    else:
        scores = evaluate.evaluate_sentences(args.gold, args.splitter)
        rows = [("sentences", scores["sentences"]), ("tokens", scores["tokens"])]
        title = f"{scores['splitter']} on {args.gold}"
    if args.json:
        print(json.dumps(scores, ensure_ascii=False))
        return
    print(title)
    print(f"{'':<10} {'P':>6} {'R':>6} {'F1':>6}")
    for name, value in rows:
        print(f"{name:<10} {100 * value['precision']:>6.2f} {100 * value['recall']:>6.2f} {100 * value['f1']:>6.2f}")
    for name in ("upos_accuracy", "lemma_accuracy"):
        if scores.get(name) is not None:
            print(f"{name.replace('_', ' ')}: {100 * scores[name]:.2f} (on gold tokens)")


def print_summary(summary: dict) -> None:
    rows = summary["rows"]
    errors = summary["errors_by_kind"]
    lines = [
        f"documents  {rows.get('documents', 0):>9,}",
        f"sentences  {rows.get('sentences', 0):>9,}",
        f"tokens     {rows.get('tokens', 0):>9,}",
        f"entities   {rows.get('entities', 0):>9,}",
        f"mentions   {rows.get('mentions', 0):>9,}",
        f"quotes     {rows.get('quotes', 0):>9,}",
        f"errors     {rows.get('errors', 0):>9,}" + (f"  ({', '.join(f'{k}: {v}' for k, v in sorted(errors.items()))})" if errors else ""),
        f"seconds    {summary['seconds']:>9,.1f}  ({', '.join(f'{k} {v:.1f}' for k, v in summary['stage_seconds'].items())})",
        f"words/s    {summary['words_per_second'] or 0:>9,}  ({summary['words']:,} words processed)",
        f"shards     {summary['shards']:>9,}" + (f"  ({summary['shards_resumed']} finished earlier, skipped)" if summary["shards_resumed"] else ""),
        f"tables in  {summary['out']}",
    ]
    print("\n".join(lines))
