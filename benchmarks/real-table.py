#!/usr/bin/env python3
"""Turns the CSV files of `side-by-side.sh --real --out` into the markdown tables of benchmarks/README.md.

Usage: python3 benchmarks/real-table.py [--merged OUT.csv] RESULT.csv [MORE.csv ...]

A later file's row for the same dataset and sampler replaces an earlier one's; --merged writes the rows that
remain, in table order, to one CSV. Prints three tables: the speed-up
(imbalanced-learn's median over ours) per sampler and dataset, with a miss marked; our median seconds; our peak
memory over the issue's allowance, max(2 x input matrix, input + 64 MB).
"""
import csv
import sys


def main(paths, merged=None):
    rows = {}
    datasets, methods = [], []
    for path in paths:
        with open(path, newline="") as f:
            for row in csv.DictReader(f):
                key = (row["dataset"], row["method"])
                rows[key] = row
                if row["dataset"] not in datasets:
                    datasets.append(row["dataset"])
                if row["method"] not in methods:
                    methods.append(row["method"])

    if merged:
        with open(merged, "w", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=list(next(iter(rows.values())).keys()))
            writer.writeheader()
            for dataset in datasets:
                for method in methods:
                    if (dataset, method) in rows:
                        writer.writerow(rows[(dataset, method)])

    def cell(dataset, method, pick):
        row = rows.get((dataset, method))
        return "" if row is None else pick(row)

    def speed(row):
        if row["speedup"] in ("", "-"):
            return "n/a"
        mark = "" if row["speed_met"] == "yes" else " **miss**"
        value = row["speedup"]
        prefix = ">" if value.startswith(">") else ""
        number = float(value.lstrip(">"))
        return f"{prefix}{number:.0f}×{mark}" if number >= 100 else f"{prefix}{number:.3g}×{mark}"

    def seconds(row):
        value = row["ours_median_s"]
        return "" if value == "" else f"{float(value):.3g}"

    def memory(row):
        if row["peak_extra_mb"] in ("", "-"):
            return "n/a"
        mark = "" if row["memory_met"] == "yes" else " **miss**"
        return f"{float(row['peak_extra_mb']) / float(row['allowance_mb']):.2f}{mark}"

    rule = "|---|" + "---:|" * len(datasets)
    for title, pick in (("Speed-up (imbalanced-learn's median / ours)", speed),
                        ("Ours, median seconds", seconds),
                        ("Peak memory / allowance", memory)):
        print(f"{title}:\n")
        print(f"| {'sampler (target)' if pick is speed else 'sampler'} | " + " | ".join(datasets) + " |")
        print(rule)
        for method in methods:
            target = next((rows[(d, method)]["speed_target"] for d in datasets if (d, method) in rows), "")
            label = f"{method} (≥ {target}×)" if pick is speed else method
            print(f"| {label} | " + " | ".join(cell(d, method, pick) for d in datasets) + " |")
        print()

    shapes = ", ".join(f"{d} {rows[next(k for k in rows if k[0] == d)]['rows']} × "
                       f"{rows[next(k for k in rows if k[0] == d)]['features']}" for d in datasets)
    print(f"Shapes (rows × features): {shapes}.")
    notes = [(d, m, rows[(d, m)]["note"]) for d in datasets for m in methods if (d, m) in rows and rows[(d, m)]["note"]]
    for d, m, note in notes:
        print(f"- {d}, {m}: {note}")


if __name__ == "__main__":
    arguments = sys.argv[1:]
    merged = None
    if arguments[:1] == ["--merged"]:
        merged, arguments = arguments[1], arguments[2:]
    if not arguments:
        sys.exit(__doc__)
    main(arguments, merged)
