#!/usr/bin/env python3
"""Writes prediction files and the scikit-learn metrics of each, for the Java metric tests.

Run from this folder with a python3 that has numpy and scikit-learn:  python3 sklearn_metrics.py
Outputs: predictions_<case>.csv (actual, predicted, then one probability column per class, or the predicted value)
and sklearn_metrics.json ({case: {metric id: value}}). The predictions are seeded, so a rerun writes the same files.
"""
import csv
import json

import numpy as np
from sklearn import metrics as m

rng = np.random.default_rng(20240611)


def classification_case(n, classes, round_to, predict_all_zero=False):
    actual = rng.integers(0, classes, n)
    logits = rng.normal(size=(n, classes)) + 1.5 * np.eye(classes)[actual]
    prob = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    prob = np.round(prob, round_to)  # rounding makes ties, which AUC must average
    prob[:, -1] = 1.0 - prob[:, :-1].sum(axis=1)
    predicted = np.zeros(n, dtype=int) if predict_all_zero else prob.argmax(axis=1)
    return actual, predicted, prob


def classification_metrics(actual, predicted, prob, classes, positive):
    if classes == 2:
        auc = m.roc_auc_score(actual == positive, prob[:, positive])
        avg = dict(average="binary", pos_label=positive, zero_division=0)
    else:
        auc = m.roc_auc_score(actual, prob, multi_class="ovr", average="weighted")
        avg = dict(average="weighted", zero_division=0)
    return {
        "accuracy": m.accuracy_score(actual, predicted),
        "auc": auc,
        "recall": m.recall_score(actual, predicted, **avg),
        "precision": m.precision_score(actual, predicted, **avg),
        "f1": m.f1_score(actual, predicted, **avg),
        "kappa": m.cohen_kappa_score(actual, predicted),
        "mcc": m.matthews_corrcoef(actual, predicted),
    }


def write(name, header, rows):
    with open(f"predictions_{name}.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


expected = {}
cases = [("binary", 2, 2, 1, False), ("binary_positive_zero", 2, 1, 0, False),
         ("binary_no_positive_predictions", 2, 2, 1, True), ("multiclass", 3, 2, 0, False)]
for name, classes, round_to, positive, all_zero in cases:
    actual, predicted, prob = classification_case(300, classes, round_to, all_zero)
    header = ["actual", "predicted"] + [f"p{c}" for c in range(classes)]
    write(name, header, [[int(a), int(p)] + [repr(float(x)) for x in row]
                         for a, p, row in zip(actual, predicted, prob)])
    values = classification_metrics(actual, predicted, prob, classes, positive)
    values["positive"] = positive
    expected[name] = values

actual = rng.normal(10, 3, 250)
predicted = actual + rng.normal(0, 1.5, 250)
write("regression", ["actual", "predicted"], [[repr(float(a)), repr(float(p))] for a, p in zip(actual, predicted)])
expected["regression"] = {
    "rmse": float(np.sqrt(m.mean_squared_error(actual, predicted))),
    "mae": m.mean_absolute_error(actual, predicted),
    "r2": m.r2_score(actual, predicted),
}

with open("sklearn_metrics.json", "w") as f:
    json.dump({k: {kk: float(vv) for kk, vv in v.items()} for k, v in expected.items()}, f, indent=2, sort_keys=True)
    f.write("\n")
