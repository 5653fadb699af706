"""Generates the extra scikit-learn / imbalanced-learn references of the Evaluation tests (run once; the
tests never call Python).

    /usr/bin/python3 tests/ImbalanceGuard.Tests/Evaluation/Fixtures/generate_fixtures.py

scikit-learn 1.2.1, imbalanced-learn 0.10.0, numpy 1.24 (Debian bookworm packages). The shared oracles in
tests/oracles/metrics cover unweighted binary metrics; this file adds what they do not:

- binary.json: for the out-of-fold scores of the shared oracles (pima, hacide, spam; raw and rounded),
  the log loss with both clipping margins, weighted curves and metrics (the weights include zeros, which scikit-learn drops from the curves),
  calibration curves with quantile and 5 uniform bins, and the weighted imbalanced report;
- multiclass.json: glass (six classes) with out-of-fold logistic-regression probabilities, and a small
  hand-made case with a class that is only predicted: confusion matrices, averaged precision / recall /
  F / specificity / G-mean / IBA, balanced accuracy, MCC, kappa, one-vs-rest ROC-AUC, reports.
"""
import json
import os

import imblearn
import numpy as np
import sklearn
from imblearn.metrics import (classification_report_imbalanced, geometric_mean_score,
                              make_index_balanced_accuracy, sensitivity_specificity_support)
from sklearn.calibration import calibration_curve
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (accuracy_score, average_precision_score, balanced_accuracy_score,
                             brier_score_loss, cohen_kappa_score, confusion_matrix, log_loss,
                             matthews_corrcoef, multilabel_confusion_matrix,
                             precision_recall_curve, precision_recall_fscore_support, roc_auc_score,
                             roc_curve)
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..", "..", "..")


def floats(values):
    return [float(v) for v in values]


def weights_for(n):
    # Zeros (dropped from the curves), halves and integers, in a fixed pattern.
    pattern = [1.0, 0.0, 2.0, 0.5, 3.0, 1.0, 0.0, 1.5]
    return [pattern[i % len(pattern)] for i in range(n)]


def report(y_true, y_pred, weights=None):
    raw = classification_report_imbalanced(y_true, y_pred, sample_weight=weights, output_dict=True,
                                           zero_division=0)
    out = {}
    for key, value in raw.items():
        out[str(key)] = {k: float(v) for k, v in value.items()} if isinstance(value, dict) else float(value)
    return out


def binary_case(name, y_true, y_score):
    y_true = np.asarray(y_true)
    y_score = np.asarray(y_score)
    w = np.asarray(weights_for(len(y_true)))
    fpr, tpr, roc_thresholds = roc_curve(y_true, y_score, sample_weight=w, drop_intermediate=False)
    precision, recall, pr_thresholds = precision_recall_curve(y_true, y_score, sample_weight=w)
    y_pred = (y_score >= 0.5).astype(int)
    # scikit-learn's weighted one-vs-rest counts: true negatives are the total weight minus the rest.
    mcm = multilabel_confusion_matrix(y_true, y_pred, sample_weight=w)
    specificity_mcm = [float(m[0, 0] / (m[0, 0] + m[0, 1])) for m in mcm]
    calibration = {}
    for strategy, bins in (("quantile", 10), ("quantile", 5), ("uniform", 5), ("quantile", 3)):
        prob_true, prob_pred = calibration_curve(y_true, y_score, n_bins=bins, strategy=strategy)
        calibration[f"{strategy}_{bins}"] = {"prob_true": floats(prob_true), "prob_pred": floats(prob_pred)}
    return {
        "name": name,
        "y_true": [int(v) for v in y_true],
        "y_score": floats(y_score),
        "weights": floats(w),
        "calibration": calibration,
        # scikit-learn 1.2.1's default clipping (eps="auto": the float64 machine epsilon) and the old 1e-15,
        # which the shared oracles used; they differ when a probability is exactly 0 or 1.
        "log_loss_eps_auto": float(log_loss(y_true, y_score)),
        "log_loss_eps_1e_15": float(log_loss(y_true, y_score, eps=1e-15)),
        "weighted": {
            "roc_auc": float(roc_auc_score(y_true, y_score, sample_weight=w)),
            "average_precision": float(average_precision_score(y_true, y_score, sample_weight=w)),
            "roc_curve": {"fpr": floats(fpr), "tpr": floats(tpr), "thresholds": floats(roc_thresholds[1:])},
            "pr_curve": {"precision": floats(precision), "recall": floats(recall),
                         "thresholds": floats(pr_thresholds)},
            "brier": float(brier_score_loss(y_true, y_score, sample_weight=w)),
            "log_loss": float(log_loss(y_true, y_score, sample_weight=w)),
            "at_0_5": {
                "confusion": [floats(r) for r in confusion_matrix(y_true, y_pred, sample_weight=w)],
                "mcc": float(matthews_corrcoef(y_true, y_pred, sample_weight=w)),
                "cohen_kappa": float(cohen_kappa_score(y_true, y_pred, sample_weight=w)),
                "balanced_accuracy": float(balanced_accuracy_score(y_true, y_pred, sample_weight=w)),
                "accuracy": float(accuracy_score(y_true, y_pred, sample_weight=w)),
                "report_imbalanced_imblearn": report(y_true, y_pred, w),
                "specificity_sklearn_mcm": specificity_mcm,
            },
        },
    }


def multiclass_case(name, y_true, y_pred, proba=None, weights=None):
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    sw = None if weights is None else np.asarray(weights)
    case = {
        "name": name,
        "y_true": [int(v) for v in y_true],
        "y_pred": [int(v) for v in y_pred],
        "weights": None if weights is None else floats(weights),
        "labels": [int(v) for v in np.unique(np.concatenate([y_true, y_pred]))],
        "confusion": [floats(r) for r in confusion_matrix(y_true, y_pred, sample_weight=sw)],
        "accuracy": float(accuracy_score(y_true, y_pred, sample_weight=sw)),
        "balanced_accuracy": float(balanced_accuracy_score(y_true, y_pred, sample_weight=sw)),
        "mcc": float(matthews_corrcoef(y_true, y_pred, sample_weight=sw)),
        "cohen_kappa": float(cohen_kappa_score(y_true, y_pred, sample_weight=sw)),
        "geometric_mean_multiclass": float(geometric_mean_score(y_true, y_pred, sample_weight=sw)),
        "geometric_mean_multiclass_correction_0_001": float(
            geometric_mean_score(y_true, y_pred, sample_weight=sw, correction=0.001)),
    }
    for average in (None, "macro", "weighted", "micro"):
        key = "none" if average is None else average
        for beta in (1.0, 2.0, 0.5):
            p, r, f, _ = precision_recall_fscore_support(y_true, y_pred, beta=beta, average=average,
                                                         sample_weight=sw, zero_division=0)
            case.setdefault(f"precision_{key}", floats(np.atleast_1d(p)) if average is None else float(p))
            case.setdefault(f"recall_{key}", floats(np.atleast_1d(r)) if average is None else float(r))
            case[f"f{beta:g}_{key}".replace(".", "_")] = floats(f) if average is None else float(f)
        if weights is None:
            # imbalanced-learn counts true negatives as rows, not weight: only unweighted cases compare.
            sen, spe, _ = sensitivity_specificity_support(y_true, y_pred, average=average)
            case[f"specificity_{key}"] = floats(spe) if average is None else float(spe)
            g = geometric_mean_score(y_true, y_pred, average=average)
            case[f"geometric_mean_{key}"] = floats(g) if average is None else float(g)
            iba = make_index_balanced_accuracy(alpha=0.1, squared=True)(geometric_mean_score)
            value = iba(y_true, y_pred, average=average)
            case[f"iba_{key}"] = floats(value) if average is None else float(value)
    if weights is None:
        case["report_imbalanced"] = report(y_true, y_pred)
        case["report_imbalanced_text"] = classification_report_imbalanced(y_true, y_pred, zero_division=0)
    if proba is not None:
        case["proba"] = [floats(row) for row in proba]
        for average in ("macro", "weighted", "micro"):
            case[f"roc_auc_ovr_{average}"] = float(
                roc_auc_score(y_true, proba, multi_class="ovr", average=average, sample_weight=sw))
        case["roc_auc_ovr_per_class"] = floats(
            roc_auc_score(y_true, proba, multi_class="ovr", average=None, sample_weight=sw))
    return case


def binary():
    cases = []
    for dataset in ("pima", "hacide", "spam"):
        with open(os.path.join(ROOT, "tests", "oracles", "metrics", dataset + ".json")) as f:
            oracle = json.load(f)
        for c in oracle["cases"]:
            cases.append(binary_case(f"{dataset}/{c['name']}", c["y_true"], c["y_score"]))
    return cases


def multiclass():
    raw = np.loadtxt(os.path.join(ROOT, "data", "glass.csv"), delimiter=",", skiprows=1)
    x, labels = raw[:, :-1], raw[:, -1].astype(int)
    classes = np.unique(labels)
    y = np.searchsorted(classes, labels)
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000))
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    proba = cross_val_predict(model, x, y, cv=folds, method="predict_proba")
    y_pred = np.argmax(proba, axis=1)
    glass_weights = [1.0 + (i * 7 % 5) / 2.0 for i in range(len(y))]
    hand_true = [0, 0, 1, 1, 2, 2, 0, 1, 2, 0]
    hand_pred = [0, 1, 1, 3, 2, 0, 0, 1, 3, 0]
    return [
        multiclass_case("glass", y, y_pred, proba),
        multiclass_case("glass_weighted", y, y_pred, proba, glass_weights),
        multiclass_case("class_3_only_predicted", hand_true, hand_pred),
    ]


def write(name, cases):
    payload = {"generator": "generate_fixtures.py", "sklearn": sklearn.__version__,
               "imblearn": imblearn.__version__, "numpy": np.__version__, "cases": cases}
    with open(os.path.join(HERE, name), "w") as f:
        json.dump(payload, f)
        f.write("\n")


if __name__ == "__main__":
    write("binary.json", binary())
    write("multiclass.json", multiclass())
