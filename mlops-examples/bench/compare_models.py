#!/usr/bin/env python3
"""Compare-models benchmark: mlops4j on Tribuo against scikit-learn, on the same data and the same folds.

For each data set the script
  1. writes the data as CSV (breast_cancer or diabetes from scikit-learn, generated lead-scoring rows, or a generated
     regression set),
  2. runs the Java side (org.mlops4j.examples.bench.CompareModelsBench), which makes the 70/30 split and the folds
     (stratified for classification; mlops4j's own shuffled folds for regression), writes them to folds.csv and
     cross-validates each model family,
  3. reads folds.csv and cross-validates the scikit-learn counterpart of each family on exactly those folds, with the
     same preprocessing (median / most-frequent imputation, one-hot encoding, scaling only where the family needs it),
     folds in parallel on the same number of threads,
  4. prints one table: per family, both sides' mean AUC, accuracy and training seconds per fold (regression: RMSE,
     MAE, R2), and both sides' wall time over the families they share.

Usage (from the repository root; needs python3 with numpy and scikit-learn, a JDK 17 and Maven):
  python3 mlops-examples/bench/compare_models.py                       # both classification sets, defaults below
  python3 mlops-examples/bench/compare_models.py --dataset leads --rows 240000 --folds 3
  python3 mlops-examples/bench/compare_models.py --dataset diabetes    # regression, 442 rows, 10 folds
  python3 mlops-examples/bench/compare_models.py --dataset regression --rows 200000   # generated, 3 folds
  python3 mlops-examples/bench/compare_models.py --dataset all         # all four (--rows then sizes both generated)
The Java classes are compiled with `mvn -q -pl mlops-examples -am compile` unless --classpath is given.
"""
import argparse
import csv
import json
import os
import subprocess
import sys
import time

import numpy as np
from joblib import Parallel, delayed
from sklearn import metrics as m
from sklearn.compose import ColumnTransformer
from sklearn.dummy import DummyClassifier, DummyRegressor
from sklearn.ensemble import (ExtraTreesClassifier, HistGradientBoostingClassifier, HistGradientBoostingRegressor,
                              RandomForestClassifier, RandomForestRegressor)
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LinearRegression, LogisticRegression, Ridge, SGDClassifier, SGDRegressor
from sklearn.naive_bayes import MultinomialNB
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import MinMaxScaler, OneHotEncoder, StandardScaler
from sklearn.svm import LinearSVC
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import lead_data  # noqa: E402

LEAD_PARAMS = "rf.n_trees=20,rf.max_depth=12,et.n_trees=20,et.max_depth=12"
REGRESSION_PARAMS = "rf.n_trees=20,rf.max_depth=12"
ALL_FAMILIES = ["lr", "sgd_lr", "svm", "liblinear", "dt", "rf", "et", "xgboost", "nb", "knn", "fm", "dummy"]
REGRESSION_FAMILIES = ["lr", "sgd_lr", "dt", "rf", "xgboost", "dummy"]
REGRESSION_SETS = ("diabetes", "regression")


# mlops4j parameter -> scikit-learn parameter, per family, for the overrides given with --params
PARAM_NAMES = {
    "lr": {"C": "C", "max_iter": "max_iter", "tol": "tol"},
    "dt": {"max_depth": "max_depth", "min_child_weight": "min_samples_leaf"},
    "rf": {"n_trees": "n_estimators", "max_depth": "max_depth", "min_child_weight": "min_samples_leaf"},
    "et": {"n_trees": "n_estimators", "max_depth": "max_depth", "min_child_weight": "min_samples_leaf"},
    "xgboost": {"n_trees": "max_iter", "max_depth": "max_depth", "eta": "learning_rate"},
}
REGRESSION_PARAM_NAMES = dict(PARAM_NAMES, lr={"alpha": "alpha"})


def parse_params(text):
    """'rf.n_trees=20,rf.max_depth=12' -> {'rf': {'n_trees': '20', 'max_depth': '12'}}"""
    out = {}
    for assignment in filter(None, text.split(",")):
        key, value = assignment.split("=", 1)
        family, name = key.split(".", 1)
        out.setdefault(family, {})[name] = value
    return out


def sklearn_model(family, seed, overrides=None, regression=False):
    """The scikit-learn counterpart of each mlops4j family, with matching defaults, and the scaling it gets."""
    made = _sklearn_regressor(family, seed) if regression else _sklearn_model(family, seed)
    if made is None or not overrides or family not in overrides:
        return made
    make, scaling = made
    if regression and family == "lr" and float(overrides[family].get("alpha", 0)) > 0:
        make = Ridge
    params = {}
    for name, value in overrides[family].items():
        sk_name = (REGRESSION_PARAM_NAMES if regression else PARAM_NAMES)[family][name]
        number = float(value)
        params[sk_name] = None if sk_name == "max_depth" and number <= 0 else (
            number if sk_name in ("learning_rate", "C", "tol", "alpha") else int(number))
    return (lambda: make().set_params(**params)), scaling


def _sklearn_regressor(family, seed):
    return {
        # mlops4j's lr is exact least squares: LinearRegression, or Ridge(alpha) when lr.alpha > 0 is given
        "lr": (lambda: LinearRegression(), "standard"),
        # Tribuo's AdaGrad SGD (5 epochs) against scikit-learn's plain SGD on the same squared loss
        "sgd_lr": (lambda: SGDRegressor(random_state=seed), "standard"),
        "dt": (lambda: DecisionTreeRegressor(min_samples_leaf=5, random_state=seed), "none"),
        "rf": (lambda: RandomForestRegressor(n_estimators=100, max_features=0.5, n_jobs=1, random_state=seed),
               "none"),
        "xgboost": (lambda: HistGradientBoostingRegressor(max_iter=100, learning_rate=0.3, max_depth=6,
                                                          early_stopping=False, random_state=seed), "none"),
        "dummy": (lambda: DummyRegressor(strategy="mean"), "none"),
    }.get(family)


def _sklearn_model(family, seed):
    return {
        # mlops4j's lr solves the same objective by L-BFGS with scikit-learn's stopping rules
        "lr": (lambda: LogisticRegression(C=1.0, solver="lbfgs", max_iter=1000, tol=1e-4), "standard"),
        # Tribuo's AdaGrad SGD against scikit-learn's plain SGD on the same log loss (different schedules)
        "sgd_lr": (lambda: SGDClassifier(loss="log_loss", random_state=seed), "standard"),
        "svm": (lambda: SGDClassifier(loss="hinge", random_state=seed), "standard"),
        "liblinear": (lambda: LinearSVC(C=1.0, dual=False, max_iter=1000, random_state=seed), "standard"),
        "dt": (lambda: DecisionTreeClassifier(min_samples_leaf=5, random_state=seed), "none"),
        "rf": (lambda: RandomForestClassifier(n_estimators=100, max_features="sqrt", n_jobs=1, random_state=seed),
               "none"),
        "et": (lambda: ExtraTreesClassifier(n_estimators=100, max_features="sqrt", n_jobs=1, random_state=seed),
               "none"),
        # no xgboost package here: scikit-learn's histogram gradient boosting with XGBoost's default shape
        "xgboost": (lambda: HistGradientBoostingClassifier(max_iter=100, learning_rate=0.3, max_depth=6,
                                                           early_stopping=False, random_state=seed), "none"),
        "nb": (lambda: MultinomialNB(alpha=1.0), "minmax"),
        "knn": (lambda: KNeighborsClassifier(n_neighbors=5, n_jobs=1), "standard"),
        "dummy": (lambda: DummyClassifier(strategy="most_frequent"), "none"),
    }.get(family)


def read_csv(path, target):
    with open(path) as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = list(reader)
    columns = {}
    for i, name in enumerate(header):
        cells = [r[i] for r in rows]
        try:
            columns[name] = np.array([float(c) if c != "" else np.nan for c in cells])
        except ValueError:
            columns[name] = np.array([c if c != "" else None for c in cells], dtype=object)
    y = columns.pop(target)
    return columns, y


def sklearn_compare(columns, y, folds, families, seed, threads, positive, overrides, regression=False):
    fold_ids = sorted(set(int(f) for f in folds if f >= 0))
    results = {}
    start_all = time.perf_counter()
    for family in families:
        if (_sklearn_regressor if regression else _sklearn_model)(family, seed) is None:
            continue
        start = time.perf_counter()
        per_fold = Parallel(n_jobs=threads)(
            delayed(fold_task_arrays)(family, seed, columns, y, np.where((folds >= 0) & (folds != f))[0],
                                      np.where(folds == f)[0], positive, overrides, regression) for f in fold_ids)
        wall = time.perf_counter() - start
        summary = {}
        for key in per_fold[0]:
            values = [r[key] for r in per_fold]
            summary[key] = None if any(v is None for v in values) else float(np.mean(values))
        summary["wall_seconds"] = wall
        results[family] = summary
        quality = (f"rmse={_fmt(summary['rmse'])} r2={_fmt(summary['r2'])}" if regression
                   else f"auc={_fmt(summary['auc'])} acc={_fmt(summary['accuracy'])}")
        print(f"  sklearn {family:10s} {quality} fit={summary['fit_seconds']:.2f}s/fold wall={wall:.1f}s", flush=True)
    return results, time.perf_counter() - start_all


def fold_task_arrays(family, seed, columns, y, train, valid, positive, overrides, regression=False):
    """One fold on plain numpy arrays: numeric columns first, then categorical ones (as ColumnTransformer indices)."""
    make, scaling = sklearn_model(family, seed, overrides, regression)
    numeric = [c for c, v in columns.items() if v.dtype != object]
    categorical = [c for c, v in columns.items() if v.dtype == object]
    start = time.perf_counter()
    scaler = {"standard": [("scale", StandardScaler())], "minmax": [("scale", MinMaxScaler(clip=True))],
              "none": []}[scaling]
    parts = [("num", Pipeline([("impute", SimpleImputer(strategy="median"))] + scaler),
              list(range(len(numeric))))]
    if categorical:
        parts.append(("cat", Pipeline([("impute", SimpleImputer(strategy="most_frequent")),
                                       ("onehot", OneHotEncoder(handle_unknown="ignore"))]),
                      list(range(len(numeric), len(numeric) + len(categorical)))))
    pipe = Pipeline([("prep", ColumnTransformer(parts, sparse_threshold=0.0)), ("model", make())])
    X_num = np.column_stack([columns[c] for c in numeric]) if numeric else np.empty((len(y), 0))
    if categorical:
        X = np.empty((len(y), len(numeric) + len(categorical)), dtype=object)
        X[:, :len(numeric)] = X_num
        for j, c in enumerate(categorical):
            X[:, len(numeric) + j] = columns[c]
    else:
        X = X_num
    pipe.fit(X[train], y[train])
    fit_seconds = time.perf_counter() - start
    predicted = pipe.predict(X[valid])
    actual = y[valid]
    if regression:
        return {"rmse": float(np.sqrt(m.mean_squared_error(actual, predicted))),
                "mae": m.mean_absolute_error(actual, predicted), "r2": m.r2_score(actual, predicted),
                "fit_seconds": fit_seconds}
    out = {
        "accuracy": m.accuracy_score(actual, predicted),
        "auc": None,
        "recall": m.recall_score(actual, predicted, pos_label=positive, zero_division=0),
        "precision": m.precision_score(actual, predicted, pos_label=positive, zero_division=0),
        "f1": m.f1_score(actual, predicted, pos_label=positive, zero_division=0),
        "kappa": m.cohen_kappa_score(actual, predicted),
        "mcc": m.matthews_corrcoef(actual, predicted),
        "fit_seconds": fit_seconds,
    }
    if hasattr(pipe[-1], "predict_proba"):
        proba = pipe.predict_proba(X[valid])
        out["auc"] = m.roc_auc_score(actual == positive, proba[:, list(pipe.classes_).index(positive)])
    return out


def _fmt(v, digits=4):
    return "n/a" if v is None else f"{v:.{digits}f}"


def java_classpath():
    cp_file = os.path.join(ROOT, "mlops-examples", "target", "bench-classpath.txt")
    subprocess.run(["mvn", "-B", "-q", "-pl", "mlops-examples", "-am", "compile", "dependency:build-classpath",
                    f"-Dmdep.outputFile={cp_file}"], cwd=ROOT, check=True)
    with open(cp_file) as f:
        deps = f.read().strip()
    return os.path.join(ROOT, "mlops-examples", "target", "classes") + os.pathsep + deps


def run_java(classpath, data_csv, target, workdir, folds, seed, threads, families, heap, params):
    cmd = ["java", f"-Xmx{heap}", "-cp", classpath, "org.mlops4j.examples.bench.CompareModelsBench", data_csv,
           target, workdir, str(folds), str(seed), str(threads), ",".join(families), params]
    subprocess.run(cmd, check=True)
    with open(os.path.join(workdir, "java_leaderboard.json")) as f:
        board = json.load(f)
    folds_of = []
    with open(os.path.join(workdir, "folds.csv")) as f:
        reader = csv.reader(f)
        next(reader)
        for row in reader:
            folds_of.append(int(row[1]))
    return board, np.array(folds_of)


def write_dataset(name, rows, seed, workdir):
    path = os.path.join(workdir, f"{name}.csv")
    if name == "breast_cancer":
        from sklearn.datasets import load_breast_cancer
        d = load_breast_cancer()
        columns = {n.replace(" ", "_"): d.data[:, i] for i, n in enumerate(d.feature_names)}
        columns["target"] = d.target
        lead_data.write_csv(columns, path)
        return path, "target", "1"
    if name == "diabetes":
        from sklearn.datasets import load_diabetes
        d = load_diabetes()
        columns = {n: d.data[:, i] for i, n in enumerate(d.feature_names)}
        columns["target"] = d.target
        lead_data.write_csv(columns, path)
        return path, "target", None
    if name == "regression":
        lead_data.write_csv(regression_data(rows, seed), path)
        return path, "y", None
    lead_data.write_csv(lead_data.generate(rows, seed), path)
    return path, "app_complete_flag", "1"


def regression_data(n, seed):
    """A generated regression set: 6 numeric features (2 % missing in two of them), 3 categorical ones (5, 12 and 40
    levels), a target that is mostly linear in them plus an interaction, a threshold effect and Gaussian noise."""
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, 6)) * np.array([1.0, 2.0, 0.5, 10.0, 1.0, 3.0]) + np.array([0, 5, 0, 100, 0, -2])
    shape = rng.integers(0, 5, n)
    region = rng.integers(0, 12, n)
    code = np.minimum(rng.geometric(0.08, n) - 1, 39)
    effect_shape = np.array([0.0, 1.5, -1.0, 3.0, 0.5])[shape]
    effect_region = np.random.default_rng(seed + 1).normal(0, 1.0, 12)[region]
    effect_code = np.random.default_rng(seed + 2).normal(0, 0.5, 40)[code]
    y = (2.0 * x[:, 0] - 0.7 * x[:, 1] + 4.0 * x[:, 2] + 0.05 * (x[:, 3] - 100) + 1.5 * x[:, 0] * x[:, 4]
         + 2.0 * (x[:, 5] > 0) + effect_shape + effect_region + effect_code + rng.normal(0, 1.0, n))
    columns = {f"x{j}": np.round(x[:, j], 6) for j in range(6)}
    for j in (1, 4):
        columns[f"x{j}"][rng.random(n) < 0.02] = np.nan
    columns["shape"] = np.array([f"s{v}" for v in shape], dtype=object)
    columns["region"] = np.array([f"r{v}" for v in region], dtype=object)
    columns["code"] = np.array([f"c{v}" for v in code], dtype=object)
    columns["y"] = np.round(y, 6)
    return columns


def regression_report(name, board, sk, sk_wall, families):
    java = {e["family"]: e for e in board["entries"]}
    lines = [f"### {name}: {board['folds']} folds, {len(families)} families",
             "| family | RMSE mlops4j | RMSE sklearn | MAE mlops4j | MAE sklearn | R2 mlops4j | R2 sklearn "
             "| train s/fold mlops4j | train s/fold sklearn | wall s mlops4j | wall s sklearn |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    shared_java = shared_sk = 0.0
    for fam in families:
        j = java.get(fam)
        s = sk.get(fam)
        if j is None:
            continue
        jm = j["metrics"]
        jw = j.get("elapsedSeconds")
        if s is not None and j["status"] == "COMPLETED":
            shared_java += jw
            shared_sk += s["wall_seconds"]
        lines.append("| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |".format(
            fam, _fmt(jm["rmse"]["mean"]), _fmt(s and s["rmse"]), _fmt(jm["mae"]["mean"]), _fmt(s and s["mae"]),
            _fmt(jm["r2"]["mean"]), _fmt(s and s["r2"]), _fmt(j["trainingSeconds"]["mean"], 2),
            _fmt(s and s["fit_seconds"], 2), _fmt(jw, 1), _fmt(s and s["wall_seconds"], 1))
            + ("" if j["status"] == "COMPLETED" else f" ({j['status']})"))
    best_java = max((e["metrics"]["r2"]["mean"] for e in board["entries"] if e["metrics"]["r2"]["mean"] is not None),
                    default=None)
    best_sk = max((s["r2"] for s in sk.values() if s["r2"] is not None), default=None)
    lines.append("")
    lines.append(f"best R2: mlops4j {_fmt(best_java)}, scikit-learn {_fmt(best_sk)}")
    lines.append(f"wall time over the families both ran: mlops4j {shared_java:.1f} s, scikit-learn {shared_sk:.1f} s; "
                 f"whole comparisons: mlops4j {board['elapsedSeconds']:.1f} s, scikit-learn {sk_wall:.1f} s")
    return "\n".join(lines)


def report(name, board, sk, sk_wall, families):
    java = {e["family"]: e for e in board["entries"]}
    lines = [f"### {name}: {board['folds']} folds, {len(families)} families",
             "| family | AUC mlops4j | AUC sklearn | Acc mlops4j | Acc sklearn | F1 mlops4j | F1 sklearn "
             "| train s/fold mlops4j | train s/fold sklearn | wall s mlops4j | wall s sklearn |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    shared_java = shared_sk = 0.0
    for fam in families:
        j = java.get(fam)
        s = sk.get(fam)
        if j is None:
            continue
        jm = j["metrics"]
        jw = j.get("elapsedSeconds")
        if s is not None and j["status"] == "COMPLETED":
            shared_java += jw
            shared_sk += s["wall_seconds"]
        lines.append("| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |".format(
            fam, _fmt(jm["auc"]["mean"]), _fmt(s and s["auc"]), _fmt(jm["accuracy"]["mean"]),
            _fmt(s and s["accuracy"]), _fmt(jm["f1"]["mean"]), _fmt(s and s["f1"]),
            _fmt(j["trainingSeconds"]["mean"], 2), _fmt(s and s["fit_seconds"], 2), _fmt(jw, 1),
            _fmt(s and s["wall_seconds"], 1)) + ("" if j["status"] == "COMPLETED" else f" ({j['status']})"))
    best_java = max((e["metrics"]["auc"]["mean"] for e in board["entries"] if e["metrics"]["auc"]["mean"] is not None),
                    default=None)
    best_sk = max((s["auc"] for s in sk.values() if s["auc"] is not None), default=None)
    lines.append("")
    lines.append(f"best AUC: mlops4j {_fmt(best_java)}, scikit-learn {_fmt(best_sk)}, difference "
                 f"{_fmt(None if best_java is None or best_sk is None else best_sk - best_java)} (goal: <= 0.005)")
    lines.append(f"wall time over the families both ran: mlops4j {shared_java:.1f} s, scikit-learn {shared_sk:.1f} s "
                 f"(goal: mlops4j <= scikit-learn); whole comparisons: mlops4j {board['elapsedSeconds']:.1f} s, "
                 f"scikit-learn {sk_wall:.1f} s")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dataset", choices=["breast_cancer", "leads", "both", "diabetes", "regression", "all"],
                        default="both", help="both: breast_cancer and leads (classification); all: also diabetes "
                                             "and the generated regression set")
    parser.add_argument("--rows", type=int, default=0,
                        help="generated rows (default: 240000 leads, 200000 for the regression set)")
    parser.add_argument("--folds", type=int, default=0,
                        help="folds (default: 10 for breast_cancer and diabetes, 3 for the generated sets)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--threads", type=int, default=2, help="folds trained at once, on both sides")
    parser.add_argument("--families", default="", help="comma-separated keys (default: all; knn left out for leads)")
    parser.add_argument("--workdir", default=os.path.join(ROOT, "mlops-examples", "target", "bench"))
    parser.add_argument("--classpath", default="", help="Java class path (default: compiled with Maven)")
    parser.add_argument("--heap", default="6g")
    parser.add_argument("--params", default=None,
                        help="overrides for both sides, e.g. rf.n_trees=20,rf.max_depth=12 (default: none for "
                             "breast_cancer; smaller forests for leads, to stay within minutes: "
                             + LEAD_PARAMS + "; " + REGRESSION_PARAMS + " for the generated regression set)")
    args = parser.parse_args()
    os.makedirs(args.workdir, exist_ok=True)
    classpath = args.classpath or java_classpath()
    datasets = {"both": ["breast_cancer", "leads"], "all": ["breast_cancer", "leads", "diabetes", "regression"]}.get(
        args.dataset, [args.dataset])
    reports = []
    for name in datasets:
        regression = name in REGRESSION_SETS
        folds = args.folds or (10 if name in ("breast_cancer", "diabetes") else 3)
        if args.families:
            families = [f for f in args.families.split(",") if not regression or f in REGRESSION_FAMILIES]
        else:
            families = REGRESSION_FAMILIES if regression else [
                f for f in ALL_FAMILIES if not (name == "leads" and f == "knn")]
        workdir = os.path.join(args.workdir, name)
        os.makedirs(workdir, exist_ok=True)
        rows = args.rows or (200000 if name == "regression" else 240000)
        data_csv, target, positive = write_dataset(name, rows, args.seed, workdir)
        print(f"== {name}: Java side", flush=True)
        params = args.params if args.params is not None else (
            LEAD_PARAMS if name == "leads" else REGRESSION_PARAMS if name == "regression" else "")
        board, folds_of = run_java(classpath, data_csv, target, workdir, folds, args.seed, args.threads, families,
                                   args.heap, params)
        print(f"== {name}: scikit-learn side, same {folds} folds", flush=True)
        columns, y = read_csv(data_csv, target)
        if not regression:
            y = np.array([str(int(v)) if isinstance(v, float) else str(v) for v in y])
        sk, sk_wall = sklearn_compare(columns, y, folds_of, families, args.seed, args.threads, positive,
                                      parse_params(params), regression)
        with open(os.path.join(workdir, "sklearn_leaderboard.json"), "w") as f:
            json.dump({"families": sk, "elapsedSeconds": sk_wall}, f, indent=2)
        table = (regression_report if regression else report)(name, board, sk, sk_wall, families)
        reports.append(table + (f"\nparameters changed on both sides: {params}" if params else ""))
    print()
    print("\n\n".join(reports))


if __name__ == "__main__":
    main()
