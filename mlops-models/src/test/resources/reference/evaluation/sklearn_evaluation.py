#!/usr/bin/env python3
"""Writes seeded model outputs and scikit-learn's evaluation curves and tables for them, for ModelEvaluation's tests.

Run from this folder:  /usr/bin/python3 sklearn_evaluation.py   (numpy and scikit-learn 1.2.1)
Output: sklearn_evaluation.json, {case: {"input": {...}, "expected": {...}}}. Inputs are seeded, so a rerun writes the
same file. Scores are rounded so that they tie (curves must merge tied thresholds) and some fall exactly on the
calibration bins' edges (0.1, 0.2, ...). Cases:
  binary      two classes, positive class 1, probabilities of class 1 rounded to 2 decimals
  multiclass  three classes, one-vs-rest ROC curves per class
  one_class   every true label is 0: no curves (the Java side leaves them absent); tables still defined
  regression  actual and predicted values: residual statistics and histogram
"""
import json

import numpy as np
from sklearn import metrics as m
from sklearn.calibration import calibration_curve

rng = np.random.default_rng(20261126)


def lst(a):
    return [float(x) for x in a]


def classification_input(n, classes, only_class=None):
    actual = rng.integers(0, classes, n) if only_class is None else np.full(n, only_class)
    logits = rng.normal(size=(n, classes)) + 1.2 * np.eye(classes)[actual]
    prob = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    prob = np.round(prob, 2)
    prob[:, -1] = np.round(1.0 - prob[:, :-1].sum(axis=1), 10)
    prob = np.clip(prob, 0.0, 1.0)
    predicted = prob.argmax(axis=1)
    return actual, predicted, prob


def tables(actual, predicted, classes):
    labels = list(range(classes))
    report = m.classification_report(actual, predicted, labels=labels, output_dict=True, zero_division=0)
    return {
        "confusion_matrix": m.confusion_matrix(actual, predicted, labels=labels).tolist(),
        "classification_report": {str(k): v for k, v in report.items()},
    }


def roc(y, score):
    fpr, tpr, thresholds = m.roc_curve(y, score, drop_intermediate=True)
    return {"fpr": lst(fpr), "tpr": lst(tpr), "thresholds": lst(thresholds), "auc": float(m.auc(fpr, tpr))}


def binary_curves(actual, prob, positive):
    y = (actual == positive).astype(int)
    score = prob[:, positive]
    precision, recall, pr_thresholds = m.precision_recall_curve(y, score)
    prob_true, prob_pred = calibration_curve(y, score, n_bins=10, strategy="uniform")
    binids = np.searchsorted(np.linspace(0.0, 1.0, 11)[1:-1], score)
    counts = np.bincount(binids, minlength=10)
    histograms = {}
    for c in (0, 1):
        hist, edges = np.histogram(score[y == c], bins=10, range=(0.0, 1.0))
        histograms[str(c)] = {"counts": hist.tolist(), "edges": lst(edges)}
    return {
        "roc": roc(y, score),
        "roc_auc_score": float(m.roc_auc_score(y, score)),
        "precision_recall": {"precision": lst(precision), "recall": lst(recall), "thresholds": lst(pr_thresholds)},
        "average_precision": float(m.average_precision_score(y, score)),
        "calibration": {"prob_true": lst(prob_true), "prob_pred": lst(prob_pred),
                        "counts": [int(c) for c in counts if c > 0]},
        "score_histograms": histograms,
    }


def classification_case(n, classes, only_class=None):
    actual, predicted, prob = classification_input(n, classes, only_class)
    expected = tables(actual, predicted, classes)
    if only_class is None:
        if classes == 2:
            expected.update(binary_curves(actual, prob, 1))
        else:
            expected["one_vs_rest_roc"] = {str(c): roc((actual == c).astype(int), prob[:, c]) for c in range(classes)}
    return {"input": {"classes": classes, "actual": actual.tolist(), "predicted": predicted.tolist(),
                      "probabilities": prob.tolist()}, "expected": expected}


def regression_case(n):
    actual = np.round(rng.normal(50, 10, n), 3)
    predicted = np.round(actual + rng.normal(0, 4, n) + 0.05 * (actual - 50) ** 2 / 10, 3)
    residual = actual - predicted
    hist, edges = np.histogram(residual, bins=20)
    return {"input": {"actual": lst(actual), "predicted": lst(predicted)},
            "expected": {
                "mean": float(np.mean(residual)), "std": float(np.std(residual)),
                "min": float(np.min(residual)), "max": float(np.max(residual)),
                "q25": float(np.percentile(residual, 25)), "median": float(np.percentile(residual, 50)),
                "q75": float(np.percentile(residual, 75)),
                "mae": float(m.mean_absolute_error(actual, predicted)),
                "rmse": float(np.sqrt(m.mean_squared_error(actual, predicted))),
                "r2": float(m.r2_score(actual, predicted)),
                "histogram": {"counts": hist.tolist(), "edges": lst(edges)}}}


cases = {
    "binary": classification_case(400, 2),
    "multiclass": classification_case(300, 3),
    "one_class": classification_case(25, 2, only_class=0),
    "regression": regression_case(250),
}
with open("sklearn_evaluation.json", "w") as out:
    json.dump(cases, out, indent=1)
    out.write("\n")
