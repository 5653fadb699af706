#!/usr/bin/env python3
"""imbalanced-learn's side of the out-of-core SMOTE benchmark (benchmarks/README.md): read a CSV (header, label in
the last column) whole, SMOTE it to per-class targets, write the result as CSV -- what `imbalance-guard resample`
does end to end. Run under /usr/bin/time -v for the peak RSS. Prints one JSON line with the times of each step.

    /usr/bin/python3 smote_end_to_end.py big.csv out.csv 1:200000 [seed]
"""
import json
import sys
import time

import numpy as np
from imblearn.over_sampling import SMOTE


def main():
    path, out, targets = sys.argv[1], sys.argv[2], sys.argv[3]
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    strategy = {int(k): int(v) for k, v in (item.split(":") for item in targets.split(","))}
    start = time.perf_counter()
    with open(path) as f:
        header = f.readline().rstrip("\n")
    data = np.loadtxt(path, delimiter=",", skiprows=1)
    X, y = data[:, :-1], data[:, -1].astype(int)
    read = time.perf_counter()
    X_res, y_res = SMOTE(sampling_strategy=strategy, random_state=seed).fit_resample(X, y)
    resampled = time.perf_counter()
    with open(out, "w") as f:
        f.write(header + "\n")
        for row, label in zip(X_res, y_res):
            f.write(",".join(repr(float(v)) for v in row) + "," + str(label) + "\n")
    written = time.perf_counter()
    print(json.dumps({"read_s": read - start, "smote_s": resampled - read, "write_s": written - resampled,
                      "total_s": written - start, "rows_after": int(len(y_res))}))


if __name__ == "__main__":
    main()
