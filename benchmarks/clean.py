"""Line-level keep/drop quality of the clean stage on labelled articles, next to two baselines.

Two gold sets, reported apart: "dev" = the outlet fixtures in tests/fixtures/clean (27 articles,
16 outlets), clean_dev2 (25 articles, 20 other outlets), clean_dev3 to clean_dev12 (30 articles each, 21, 24,
25, 25, 25, 25, 25, 25, 25 and 25 more outlets; each held-out until it was measured once, then studied) and the five
seeds (tests/fixtures/seed_lines.tsv), which the rules were developed on; "held-out" =
tests/fixtures/clean_heldout12 and clean_heldout13 (30 articles of 25 more news outlets each), written
independently of the rules and of the other sets, and never used to tune them. Every non-blank raw line is one decision: keep (title, dek,
heading, body) or drop. A line counts as kept when any part of it is kept. Baselines on the same
lines: keep everything, and jusText with its Indonesian stoplist (each line as one paragraph).

    python benchmarks/clean.py
"""

from __future__ import annotations

import html
from collections import Counter, defaultdict
from pathlib import Path

import justext

from pipeline.boilerplate import KEEP_LABELS, normalise_space
from pipeline.corpora import LabelledLine, read_labelled_lines, read_line_labels
from pipeline.evaluate import kept_lines

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
DEV = [FIXTURES / "clean"] + [FIXTURES / f"clean_dev{n}" for n in range(2, 13)]
HELDOUT = [FIXTURES / "clean_heldout12", FIXTURES / "clean_heldout13"]


def seed_articles() -> dict[str, list[LabelledLine]]:
    """The seeds with the hand-checked labels of tests/fixtures/seed_lines.tsv (unlisted lines are blank)."""
    labels = read_line_labels(ROOT / "tests" / "fixtures" / "seed_lines.tsv")
    return {
        f"seed:{name}": [LabelledLine(labels[name].get(i, "blank"), text) for i, text in enumerate((ROOT / "seeds" / name).read_text(encoding="utf-8").split("\n"))]
        for name in sorted(labels)
    }


def articles(*folders: Path) -> dict[str, list[LabelledLine]]:
    return {f"{folder.name}/{path.stem}": read_labelled_lines(path) for folder in folders for path in sorted(folder.glob("*.tsv"))}


def ours(lines: list[LabelledLine]) -> list[str | None]:
    return kept_lines([line.text for line in lines])


def keep_everything(lines: list[LabelledLine]) -> list[str | None]:
    return [normalise_space(line.text) for line in lines]


def jus_text(lines: list[LabelledLine]) -> list[str | None]:
    page = "<html><body>" + "".join(f"<p>{html.escape(line.text)}</p>" for line in lines if normalise_space(line.text)) + "</body></html>"
    paragraphs = iter(justext.justext(page.encode("utf-8"), justext.get_stoplist("Indonesian"), encoding="utf-8"))
    result = []
    for line in lines:
        if not normalise_space(line.text):
            result.append(None)
            continue
        paragraph = next(paragraphs)
        result.append(normalise_space(line.text) if not paragraph.is_boilerplate else None)
    return result


def f1(true: int, predicted: int, correct: int) -> tuple[float, float, float]:
    precision = correct / predicted if predicted else 0.0
    recall = correct / true if true else 0.0
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score(system, gold: dict[str, list[LabelledLine]]) -> dict:
    counts: Counter = Counter()
    by_label: dict[str, Counter] = defaultdict(Counter)
    for lines in gold.values():
        for line, kept in zip(lines, system(lines)):
            if line.label == "blank":
                continue
            truth, decision = line.label in KEEP_LABELS, kept is not None
            counts[(truth, decision)] += 1
            by_label[line.label]["right" if truth == decision else "wrong"] += 1
            if line.expected:
                counts["inserts"] += 1
                counts["inserts_cut"] += kept == normalise_space(line.expected)
    keep = f1(counts[(True, True)] + counts[(True, False)], counts[(True, True)] + counts[(False, True)], counts[(True, True)])
    drop = f1(counts[(False, False)] + counts[(False, True)], counts[(False, False)] + counts[(True, False)], counts[(False, False)])
    body = by_label["body"]
    return {
        "keep": keep, "drop": drop, "body_recall": body["right"] / (body["right"] + body["wrong"]),
        "inserts": (counts["inserts_cut"], counts["inserts"]),
        "labels": {label: c["right"] / (c["right"] + c["wrong"]) for label, c in sorted(by_label.items())},
    }


def main() -> None:
    systems = {"berita clean (rules)": ours, "keep everything": keep_everything, "jusText (Indonesian stoplist)": jus_text}
    results = {}
    sets = [("dev", articles(*DEV) | seed_articles())] + [(f"held-out `{folder.name}`", articles(folder)) for folder in HELDOUT if folder.exists()]
    for set_name, gold in sets:
        lines = sum(1 for a in gold.values() for line in a if line.label != "blank")
        for name, system in systems.items():
            results[(set_name, name)] = score(system, gold) | {"size": f"{len(gold)} articles, {lines} lines"}
    print("| set | system | keep P | keep R | keep F1 | drop P | drop R | drop F1 | body-line recall | inline inserts cut |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for (set_name, name), r in results.items():
        print(f"| {set_name} ({r['size']}) | {name} | {r['keep'][0]:.3f} | {r['keep'][1]:.3f} | {r['keep'][2]:.3f} | {r['drop'][0]:.3f} | {r['drop'][1]:.3f} | {r['drop'][2]:.3f} | {r['body_recall']:.3f} | {r['inserts'][0]}/{r['inserts'][1]} |")
    print()
    labels = sorted({label for r in results.values() for label in r["labels"]})
    print("Share of lines decided right, per gold label")
    print("| set | system | " + " | ".join(labels) + " |")
    print("|---|---|" + "---|" * len(labels))
    for (set_name, name), r in results.items():
        print(f"| {set_name} | {name} | " + " | ".join(f"{r['labels'][label]:.2f}" if label in r["labels"] else "–" for label in labels) + " |")


if __name__ == "__main__":
    main()
