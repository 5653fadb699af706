"""The imbalanced-learn twin of the larger-than-memory benchmark (benchmarks/README.md, "Larger than memory"):
read a CSV whole with pandas, split it stratified (scikit-learn), write both parts, under-sample the training
part to balance (imbalanced-learn's RandomUnderSampler) and write it. Prints the seconds of each step; run it
under /usr/bin/time -v for the peak resident set.

usage: /usr/bin/python3 imblearn_split_under.py DATA.csv HOLDOUT_SHARE OUTPUT_FOLDER [LABEL]
"""
import os
import sys
import time

import pandas as pd
from imblearn.under_sampling import RandomUnderSampler
from sklearn.model_selection import train_test_split


def main():
    path, share, folder = sys.argv[1], float(sys.argv[2]), sys.argv[3]
    os.makedirs(folder, exist_ok=True)
    clock = time.perf_counter()

    def step(name):
        nonlocal clock
        now = time.perf_counter()
        print(f"{name}: {now - clock:.1f} s", flush=True)
        clock = now

    frame = pd.read_csv(path)
    label = sys.argv[4] if len(sys.argv) > 4 else frame.columns[-1]
    y = frame.pop(label)
    step("read")
    x_train, x_holdout, y_train, y_holdout = train_test_split(frame, y, test_size=share, stratify=y, random_state=1)
    step("split")
    x_train.assign(**{label: y_train}).to_csv(os.path.join(folder, "training.csv"), index=False)
    x_holdout.assign(**{label: y_holdout}).to_csv(os.path.join(folder, "holdout.csv"), index=False)
    step("write parts")
    x_under, y_under = RandomUnderSampler(random_state=1).fit_resample(x_train, y_train)
    step("under-sample")
    x_under.assign(**{label: y_under}).to_csv(os.path.join(folder, "training-under.csv"), index=False)
    step("write under-sampled")
    print(f"rows {len(frame)}, training {len(y_train)}, holdout {len(y_holdout)}, under-sampled {len(y_under)}")


if __name__ == "__main__":
    main()
