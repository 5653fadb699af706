"""Generates the scikit-learn reference fixtures of the Models tests (run once; the tests never call Python).

    /usr/bin/python3 tests/ImbalanceGuard.Tests/Models/Fixtures/generate_fixtures.py

scikit-learn 1.2.1, numpy 1.24 (Debian bookworm python3-sklearn). Features are standardised with
StandardScaler (population standard deviation), as the tests do.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.cluster import KMeans, MiniBatchKMeans
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "..", "..", "data")


def load(name):
    raw = np.loadtxt(os.path.join(DATA, name + ".csv"), delimiter=",", skiprows=1)
    return raw[:, :-1], raw[:, -1].astype(int)


def standardised(name):
    x, y = load(name)
    return StandardScaler().fit_transform(x), y


def write(name, payload):
    payload = {"generator": "generate_fixtures.py", "sklearn": sklearn.__version__, **payload}
    with open(os.path.join(HERE, name), "w") as f:
        json.dump(payload, f, indent=1)
        f.write("\n")


def kmeans():
    x, _ = standardised("pima")
    cases = []
    for k in (2, 5, 8, 16):
        best = KMeans(n_clusters=k, n_init=10, random_state=0).fit(x)
        singles = [KMeans(n_clusters=k, n_init=1, random_state=s).fit(x).inertia_ for s in range(20)]
        cases.append({
            "n_clusters": k,
            "inertia_n_init_10": best.inertia_,
            "n_iter_n_init_10": int(best.n_iter_),
            "inertia_n_init_1_seeds_0_19": singles,
        })
    write("kmeans_pima.json", {"dataset": "pima", "standardised": True, "cases": cases})


def svc(name, kernel):
    x, y = standardised(name)
    model = SVC(kernel=kernel, C=1.0, gamma="scale").fit(x, y)
    case = {
        "dataset": name,
        "kernel": kernel,
        "gamma": float(model._gamma),
        "classes": [int(c) for c in model.classes_],
        "support": sorted(int(i) for i in model.support_),
        "n_support": [int(n) for n in model.n_support_],
        "intercept": [float(v) for v in model.intercept_],
        "n_iter": [int(v) for v in np.atleast_1d(model.n_iter_)],
        "predict": [int(v) for v in model.predict(x)],
    }
    if len(model.classes_) == 2:
        case["decision_function"] = [float(v) for v in model.decision_function(x)]
    else:
        model.decision_function_shape = "ovo"
        case["decision_function_ovo"] = [[float(v) for v in row] for row in model.decision_function(x)]
    return case


def svcs():
    write("svc_reference.json", {"standardised": True, "C": 1.0, "gamma": "scale", "cases": [
        svc("pima", "rbf"), svc("hacide", "rbf"), svc("pima", "linear"), svc("glass", "rbf")]})


def forest():
    x, y = load("pima")
    folds = np.zeros(len(y), dtype=int)
    for f, (_, test) in enumerate(StratifiedKFold(n_splits=5, shuffle=True, random_state=0).split(x, y)):
        folds[test] = f

    def oof_auc(seed):
        scores = np.zeros(len(y))
        for f in range(5):
            train, test = folds != f, folds == f
            model = RandomForestClassifier(random_state=seed).fit(x[train], y[train])
            scores[test] = model.predict_proba(x[test])[:, 1]
        return roc_auc_score(y, scores)

    write("forest_pima.json", {
        "dataset": "pima",
        "model": "RandomForestClassifier(random_state=seed), defaults otherwise; not standardised",
        "folds": "StratifiedKFold(n_splits=5, shuffle=True, random_state=0); fold of each row below",
        "fold_of_row": [int(f) for f in folds],
        "oof_roc_auc_random_state_0": oof_auc(0),
        "oof_roc_auc_random_states_0_9": [oof_auc(s) for s in range(10)],
    })


def minibatch_kmeans():
    x, _ = standardised("satimage")
    cases = []
    for k in (2, 5, 8, 16):
        full = KMeans(n_clusters=k, n_init=10, random_state=0).fit(x).inertia_
        runs = [MiniBatchKMeans(n_clusters=k, n_init=3, random_state=s).fit(x) for s in range(20)]
        cases.append({
            "n_clusters": k,
            "kmeans_inertia_n_init_10": full,
            "minibatch_inertia_seeds_0_19": [r.inertia_ for r in runs],
            "minibatch_n_steps_seeds_0_19": [int(r.n_steps_) for r in runs],
        })
    write("minibatch_kmeans_satimage.json", {"dataset": "satimage", "standardised": True, "batch_size": 1024, "cases": cases})


if __name__ == "__main__":
    minibatch_kmeans()
    kmeans()
    svcs()
    forest()
