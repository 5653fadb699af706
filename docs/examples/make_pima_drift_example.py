"""Writes docs/examples/pima_drift_reference.csv and docs/examples/pima_drift_current.csv for the README's example of
`imbalance-guard drift`: data/pima.csv's rows with the out-of-fold logistic-regression probability of each row from
docs/examples/pima_oof_scores_by_age.csv (same row order), shuffled with random.Random(0) and halved. The first half
is the reference: features, label and score. The second half is "today": 3 of every 4 positive rows dropped (a prior
shift — fewer positives, the same kind of positives) and the label column removed, so only features and scores remain.

Run from the repository root: python3 docs/examples/make_pima_drift_example.py (standard library only).
"""
import csv
import random

with open("data/pima.csv", newline="") as f:
    pima = list(csv.reader(f))
with open("docs/examples/pima_oof_scores_by_age.csv", newline="") as f:
    scored = list(csv.reader(f))
header, rows = pima[0], pima[1:]
assert scored[0][:2] == ["label", "score"] and len(scored) - 1 == len(rows)
for row, (label, score, _) in zip(rows, scored[1:]):
    assert row[-1] == label, "the score file is not in data/pima.csv's row order"
    row.append(score)

random.Random(0).shuffle(rows)
half = len(rows) // 2
reference, current = rows[:half], rows[half:]
positives = 0
kept = []
for row in current:
    if row[-2] == "1":
        positives += 1
        if positives % 4 != 1:
            continue
    kept.append(row)

with open("docs/examples/pima_drift_reference.csv", "w", newline="") as f:
    writer = csv.writer(f, lineterminator="\n")
    writer.writerow(header + ["score"])
    writer.writerows(reference)
with open("docs/examples/pima_drift_current.csv", "w", newline="") as f:
    writer = csv.writer(f, lineterminator="\n")
    writer.writerow(header[:-1] + ["score"])
    writer.writerows(row[:-2] + row[-1:] for row in kept)
