#!/usr/bin/env python3
"""Reference values for mlops4j's tree trainers (TreeTrainersTest), made with scikit-learn 1.2.

Run from this folder with /usr/bin/python3 (numpy, scikit-learn); writes trees_reference.json.

1. cart_*: small data sets whose features take few distinct values (so mlops4j's bins are exact), with and without
   example weights, fitted with DecisionTreeClassifier / DecisionTreeRegressor under several settings. A data set is
   accepted only if scikit-learn grows the same tree for ten different random_state values: scikit-learn visits the
   features in a random order and keeps the first of equally good splits, so equal trees for every order mean the
   best split is never tied, and an exact comparison is meaningful.
2. forest_*: breast_cancer (the test resource breast_cancer.csv) split 70/30 by a seeded permutation; the held-out
   AUC of RandomForestClassifier and ExtraTreesClassifier (100 trees, sqrt features) for 10 seeds, so the Java test
   can compare its forests' AUC with scikit-learn's mean within a tolerance derived from the seed-to-seed spread.
"""
import json
import os

import numpy as np
from sklearn.ensemble import ExtraTreesClassifier, RandomForestClassifier
from sklearn.metrics import roc_auc_score
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

HERE = os.path.dirname(os.path.abspath(__file__))


def same_tree_for_every_order(make, X, y, w, Xt):
    outputs = []
    for state in range(10):
        m = make(state).fit(X, y, sample_weight=w)
        outputs.append((m.predict_proba(Xt) if hasattr(m, "predict_proba") else m.predict(Xt)).tolist())
    return all(np.allclose(o, outputs[0], rtol=0, atol=1e-9) for o in outputs)


def classification_data(seed, n_train, n_test, classes):
    rng = np.random.default_rng(seed)
    n = n_train + n_test
    X = np.column_stack([rng.integers(0, 5, n), rng.integers(0, 3, n), rng.integers(0, 8, n) * 0.5,
                         rng.integers(-2, 3, n), rng.integers(0, 2, n)]).astype(float)
    logit = 0.9 * X[:, 0] - 1.1 * X[:, 1] + 0.6 * X[:, 2] * X[:, 4] - 0.4 * X[:, 3] + rng.normal(0, 1.2, n)
    cuts = np.quantile(logit, np.linspace(0, 1, classes + 1)[1:-1])
    y = np.digitize(logit, cuts)
    # the test rows also take values between the training values, to check the thresholds themselves
    X[n_train:, 2] += rng.integers(0, 2, n_test) * 0.25
    return X[:n_train], y[:n_train], X[n_train:], y[n_train:]


def regression_data(seed, n_train, n_test):
    rng = np.random.default_rng(seed)
    n = n_train + n_test
    X = np.column_stack([rng.integers(0, 6, n), rng.integers(0, 4, n) * 0.5, rng.integers(-3, 3, n),
                         rng.integers(0, 2, n)]).astype(float)
    y = 2.0 * X[:, 0] - 3.0 * X[:, 1] * X[:, 3] + np.sin(X[:, 2]) + rng.normal(0, 1.0, n)
    X[n_train:, 1] += rng.integers(0, 2, n_test) * 0.25
    return X[:n_train], y[:n_train], X[n_train:], y[n_train:]


CLASSIFICATION_SETTINGS = [
    {"max_depth": 0, "min_child_weight": 10.0},
    {"max_depth": 3, "min_child_weight": 1.0},
]
REGRESSION_SETTINGS = [
    {"max_depth": 0, "min_child_weight": 5.0},
    {"max_depth": 4, "min_child_weight": 2.0},
]


def sk_params(s):
    return {"max_depth": s["max_depth"] or None, "min_samples_leaf": int(s["min_child_weight"])}


def cart_cases():
    cases = []
    for kind, classes, weighted in [("classification", 2, False), ("classification", 3, False),
                                    ("classification", 2, True), ("regression", 0, False),
                                    ("regression", 0, True)]:
        settings = CLASSIFICATION_SETTINGS if kind == "classification" else REGRESSION_SETTINGS
        for seed in range(1, 500):
            if kind == "classification":
                X, y, Xt, yt = classification_data(seed, 240, 120, classes)
            else:
                X, y, Xt, yt = regression_data(seed, 240, 120)
            # integer weights >= 1: a leaf of at least min_child_weight weight then has at least that many rows only
            # when min_child_weight is 1, so weighted cases use min_child_weight 1 (min_samples_leaf 1)
            w = np.random.default_rng(seed + 1000).integers(1, 4, len(y)).astype(float) if weighted else None
            use = [s for s in settings if not weighted or s["min_child_weight"] == 1.0] if weighted else settings
            if weighted and not use:
                use = [{"max_depth": settings[-1]["max_depth"], "min_child_weight": 1.0}]

            def maker(s):
                if kind == "classification":
                    return lambda state: DecisionTreeClassifier(random_state=state, **sk_params(s))
                return lambda state: DecisionTreeRegressor(random_state=state, **sk_params(s))

            if all(same_tree_for_every_order(maker(s), X, y, w, Xt) for s in use):
                break
        else:
            raise SystemExit("no untied data set found for " + kind)
        for s in use:
            model = maker(s)(0).fit(X, y, sample_weight=w)
            case = {"name": f"{kind}_{classes}_{'weighted' if weighted else 'unweighted'}_depth{s['max_depth']}"
                            f"_mcw{s['min_child_weight']}",
                    "kind": kind, "data_seed": seed, "max_depth": s["max_depth"],
                    "min_child_weight": s["min_child_weight"], "train_x": X.tolist(), "train_y": y.tolist(),
                    "train_weight": (w.tolist() if w is not None else []), "test_x": Xt.tolist(),
                    "node_count": int(model.tree_.node_count), "depth": int(model.get_depth())}
            if kind == "classification":
                case["classes"] = [str(c) for c in model.classes_]
                case["train_y"] = [str(v) for v in y]
                case["test_probabilities"] = model.predict_proba(Xt).tolist()
            else:
                case["test_predictions"] = model.predict(Xt).tolist()
            cases.append(case)
    return cases


def forest_cases():
    path = os.path.join(HERE, "..", "..", "breast_cancer.csv")
    with open(path) as f:
        header = f.readline().strip().split(",")
        rows = np.array([[float(c) for c in line.strip().split(",")] for line in f if line.strip()])
    target = header.index("target")
    X = np.delete(rows, target, axis=1)
    y = rows[:, target].astype(int)
    order = np.random.default_rng(7).permutation(len(y))
    train, test = order[: int(0.7 * len(y))], order[int(0.7 * len(y)):]
    out = {"train_rows": train.tolist(), "test_rows": test.tolist(), "positive": "1"}
    for name, make in [("rf", RandomForestClassifier), ("et", ExtraTreesClassifier)]:
        aucs = []
        for seed in range(10):
            m = make(n_estimators=100, max_features="sqrt", random_state=seed, n_jobs=1).fit(X[train], y[train])
            aucs.append(roc_auc_score(y[test], m.predict_proba(X[test])[:, 1]))
        out[name] = {"auc_per_seed": aucs, "auc_mean": float(np.mean(aucs)), "auc_std": float(np.std(aucs))}
    return out


def main():
    reference = {"sklearn_version": __import__("sklearn").__version__, "cart": cart_cases(),
                 "forest": forest_cases()}
    with open(os.path.join(HERE, "trees_reference.json"), "w") as f:
        json.dump(reference, f)
    for c in reference["cart"]:
        print(c["name"], "data seed", c["data_seed"], "nodes", c["node_count"], "depth", c["depth"])
    for k in ("rf", "et"):
        print(k, reference["forest"][k]["auc_mean"], reference["forest"][k]["auc_std"])


if __name__ == "__main__":
    main()
