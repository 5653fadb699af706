#!/usr/bin/env python3
"""Times one imbalanced-learn sampler on a CSV (label in the last column), the reference side of
side-by-side.sh. Prints one JSON line: {"method", "seconds", "rows_after"}. Loading is not timed."""
import json
import sys
import time

import numpy as np
from imblearn.combine import SMOTEENN, SMOTETomek
from imblearn.over_sampling import (ADASYN, SMOTE, SMOTEN, SMOTENC, SVMSMOTE, BorderlineSMOTE,
                                    KMeansSMOTE, RandomOverSampler)
from imblearn.under_sampling import (AllKNN, ClusterCentroids, CondensedNearestNeighbour,
                                     EditedNearestNeighbours, InstanceHardnessThreshold, NearMiss,
                                     NeighbourhoodCleaningRule, OneSidedSelection,
                                     RandomUnderSampler, RepeatedEditedNearestNeighbours, TomekLinks)

SAMPLERS = {
    "random-over": lambda: RandomOverSampler(random_state=0),
    "smote": lambda: SMOTE(random_state=0),
    "borderline-smote-1": lambda: BorderlineSMOTE(kind="borderline-1", random_state=0),
    "borderline-smote-2": lambda: BorderlineSMOTE(kind="borderline-2", random_state=0),
    "svm-smote": lambda: SVMSMOTE(random_state=0),
    "adasyn": lambda: ADASYN(random_state=0),
    "kmeans-smote": lambda: KMeansSMOTE(cluster_balance_threshold=0.01, random_state=0),
    "smote-nc": lambda: SMOTENC(categorical_features=[0], random_state=0),
    "smoten": lambda: SMOTEN(random_state=0),
    "random-under": lambda: RandomUnderSampler(random_state=0),
    "tomek-links": lambda: TomekLinks(),
    "enn": lambda: EditedNearestNeighbours(),
    "renn": lambda: RepeatedEditedNearestNeighbours(),
    "allknn": lambda: AllKNN(),
    "near-miss-1": lambda: NearMiss(version=1),
    "near-miss-2": lambda: NearMiss(version=2),
    "near-miss-3": lambda: NearMiss(version=3),
    "cnn": lambda: CondensedNearestNeighbour(random_state=0),
    "oss": lambda: OneSidedSelection(random_state=0),
    "ncr": lambda: NeighbourhoodCleaningRule(),
    "iht": lambda: InstanceHardnessThreshold(random_state=0),
    "cluster-centroids": lambda: ClusterCentroids(random_state=0),
    "smote-tomek": lambda: SMOTETomek(random_state=0),
    "smote-enn": lambda: SMOTEENN(random_state=0),
}


def main():
    path, method = sys.argv[1], sys.argv[2]
    data = np.loadtxt(path, delimiter=",", skiprows=1)
    X, y = data[:, :-1], data[:, -1].astype(int)
    sampler = SAMPLERS[method]()
    start = time.perf_counter()
    _, y_res = sampler.fit_resample(X, y)
    seconds = time.perf_counter() - start
    print(json.dumps({"method": method, "seconds": seconds, "rows_after": int(len(y_res))}))


if __name__ == "__main__":
    main()
