#!/usr/bin/env python3
"""Times mlops4j's drift tests against scipy/numpy on the same files and prints one table.

What each measurement includes (both sides start from data in memory; reading files is not timed; neither side reuses
anything from one run to the next, not even the reference's statistics):
  * ks           scipy: stats.ks_2samp(ref, cur) on 1M vs 1M normal numbers (two-sided, method auto).
                 Java: DriftSamples from the two arrays (copy, finiteness check) + KsTest.
  * wasserstein  scipy: Evidently's "wasserstein", stats.wasserstein_distance(ref, cur) / max(np.std(ref), 0.001).
                 Java: DriftSamples from the two arrays + WassersteinDistance.
  * column:<c>   one column of a lead-like table (240k x 7, the case study's model_input columns) against a 25k window
                 carrying the case study's drift, the whole per-column path of a default drift report:
                 scipy/numpy (column_drift below, Evidently's steps written lean): drop missing/NaN/inf values
                 (Evidently: replace([-inf, inf], nan).dropna()), distinct values of both samples (np.unique), column
                 type (numbers are num unless whole numbers with at most 10 distinct values), Evidently's default test
                 (more than 1000 reference rows: wasserstein for num with more than 5 values, else Jensen-Shannon
                 distance on per-value shares), the plot counts (per value when at most 30 values, else a histogram
                 of Sturges bins, at most 30) and the verdict.
                 Java: DataDrift.run(reference, current) for that column with default options, which does the same
                 and builds the report record.
                 Categorical columns are integer codes on both sides (-1 would be missing), as a pandas Categorical
                 or an mlops4j CategoricalColumn holds them.
  * data_drift   all seven columns: scipy/numpy one after another; Java one report, columns in parallel.

The Java side (org.mlops4j.examples.bench.DriftBenchmark) runs in one JVM that stays up; the script asks it for one
run at a time. After a cold run (the first in the JVM) and warm-up runs of both sides, each round runs every
measurement once on each side, alternating which side goes first, and the table shows medians over the rounds.
Times are wall-clock; "cpu" is CPU time: of this Python process for scipy, of all Java threads for Java (the caller
and the parallel workers; the JVM's native garbage-collector threads are not counted).

Usage, from the repository root:
  python3 mlops-examples/bench/drift_vs_scipy.py [--data DIR] [--classpath CP] [--rounds N] [--warmups N] [--offline]
Without --classpath the script compiles the modules and asks Maven for the class path (no install).
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

import numpy as np
import scipy
from scipy import stats
from scipy.spatial import distance

LEAD_COLUMNS = ["total_leads_droppped", "referred_lead", "city_tier", "first_platform_c", "first_utm_medium_c",
                "first_utm_source_c", "app_complete_flag"]
CATEGORICAL = {"first_platform_c", "first_utm_medium_c", "first_utm_source_c"}
PLATFORM = {"Level0": 35.2, "Level3": 17.1, "Level7": 16.0, "Level1": 8.7, "Level2": 5.5, "Level8": 4.5,
            "Level5": 4.1, "Level4": 2.3, "others": 6.6}
MEDIUM = {"Level0": 22.7, "Level2": 11.3, "others": 10.8, "Level6": 10.0, "Level3": 8.3, "Level9": 12.0,
          "Level11": 10.0, "Level13": 8.0, "Level30": 6.9}
SOURCE = {"Level2": 34.8, "Level0": 23.7, "others": 11.7, "Level7": 7.8, "Level4": 6.6, "Level6": 8.0,
          "Level16": 7.4}


def shifted(shares, fixed):
    rest = sum(v for k, v in shares.items() if k not in fixed)
    scale = (100.0 - sum(fixed.values())) / rest
    return {k: fixed.get(k, v * scale) for k, v in shares.items()}


def lead_table(rng, rows, platform, medium, source):
    dropped_values = np.arange(0, 90)
    weights = np.exp(-np.abs(dropped_values - 1) / 1.1)
    weights[1] *= 2.5
    table = {
        "total_leads_droppped": rng.choice(dropped_values, rows, p=weights / weights.sum()).astype(float),
        "referred_lead": (rng.random(rows) < 0.032).astype(float),
        "city_tier": rng.choice([1.0, 2.0, 3.0], rows, p=[0.515, 0.179, 0.306]),
        "first_platform_c": rng.choice(list(platform), rows, p=np.array(list(platform.values())) / 100),
        "first_utm_medium_c": rng.choice(list(medium), rows, p=np.array(list(medium.values())) / 100),
        "first_utm_source_c": rng.choice(list(source), rows, p=np.array(list(source.values())) / 100),
        "app_complete_flag": (rng.random(rows) < 0.502).astype(int),
    }
    return table


def write_csv(path, table):
    rows = len(next(iter(table.values())))
    cols = [table[c] for c in LEAD_COLUMNS]
    with open(path, "w", encoding="utf-8") as f:
        f.write(",".join(LEAD_COLUMNS) + "\n")
        for i in range(rows):
            f.write(",".join(str(c[i]) for c in cols) + "\n")


def generate(data):
    os.makedirs(data, exist_ok=True)
    marker = os.path.join(data, "generated-v1")
    if os.path.exists(marker):
        return
    rng = np.random.default_rng(42)
    np.save(os.path.join(data, "ks_reference.npy"), rng.normal(0.0, 1.0, 1_000_000))
    np.save(os.path.join(data, "ks_current.npy"), rng.normal(0.01, 1.0, 1_000_000))
    write_csv(os.path.join(data, "leads_reference.csv"), lead_table(rng, 240_000, PLATFORM, MEDIUM, SOURCE))
    write_csv(os.path.join(data, "leads_current.csv"), lead_table(
        rng, 25_000, shifted(PLATFORM, {"others": 35.0, "Level7": 4.0}), shifted(MEDIUM, {"others": 35.0}),
        shifted(SOURCE, {"others": 35.0})))
    open(marker, "w").close()


def read_csv(path, levels):
    """Columns as float arrays; categorical columns as int codes into a shared level list (like a pandas Categorical)."""
    with open(path, encoding="utf-8") as f:
        header = f.readline().strip().split(",")
        raw = [line.rstrip("\n").split(",") for line in f]
    out = {}
    for j, name in enumerate(header):
        values = [r[j] for r in raw]
        if name in CATEGORICAL:
            index = levels.setdefault(name, {})
            out[name] = np.array([index.setdefault(v, len(index)) for v in values], dtype=np.int64)
        else:
            out[name] = np.array(values, dtype=float)
    return out


def evidently_wasserstein(ref, cur):
    return stats.wasserstein_distance(ref, cur) / max(np.std(ref), 0.001)


def evidently_jensenshannon(ref, cur):
    # legacy/calculations/stattests/utils.py get_binned_data for <= 20 values: shares per value of the union
    keys = np.unique(np.concatenate([ref, cur]))
    ref_counts = np.zeros(len(keys))
    cur_counts = np.zeros(len(keys))
    values, counts = np.unique(ref, return_counts=True)
    ref_counts[np.searchsorted(keys, values)] = counts
    values, counts = np.unique(cur, return_counts=True)
    cur_counts[np.searchsorted(keys, values)] = counts
    return distance.jensenshannon(ref_counts / len(ref), cur_counts / len(cur))


def sturges_plot_counts(ref, cur, max_bins=30):
    both = np.concatenate([ref, cur])
    edges = np.histogram_bin_edges(both, bins="sturges")
    if len(edges) - 1 > max_bins:
        edges = np.linspace(edges[0], edges[-1], max_bins + 1)
    return np.histogram(ref, edges)[0], np.histogram(cur, edges)[0]


def column_drift(ref, cur, categorical, max_plot_bins=30):
    """The per-column path of a default drift report: clean, type, test, plot counts, verdict."""
    if categorical:
        ref = ref[ref >= 0]
        cur = cur[cur >= 0]
    else:
        ref = ref[np.isfinite(ref)]
        cur = cur[np.isfinite(cur)]
    keys = np.unique(np.concatenate([ref, cur]))
    n_values = len(keys)
    numeric = not categorical and not (n_values <= 10 and np.all(keys == np.round(keys)))
    if numeric and n_values > 5:
        test, score, threshold = "wasserstein", evidently_wasserstein(ref, cur), 0.1
    else:
        test, score, threshold = "jensenshannon", evidently_jensenshannon(ref, cur), 0.1
    if numeric and n_values > max_plot_bins:
        plot = sturges_plot_counts(ref, cur, max_plot_bins)
    elif test == "jensenshannon":
        plot = None  # the per-value counts of the test are the plot counts
    else:
        plot = (np.unique(ref, return_counts=True), np.unique(cur, return_counts=True))
    return test, score, score >= threshold, plot


class JavaSide:
    def __init__(self, cmd):
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
        self.hello = json.loads(self.proc.stdout.readline())

    def run(self, name):
        self.proc.stdin.write("run " + name + "\n")
        self.proc.stdin.flush()
        out = json.loads(self.proc.stdout.readline())
        if "error" in out:
            raise RuntimeError(out["error"])
        return out

    def close(self):
        self.proc.stdin.write("\n")
        self.proc.stdin.flush()
        self.proc.wait()


def python_run(fn):
    cpu = time.process_time()
    start = time.perf_counter()
    score = fn()
    wall = (time.perf_counter() - start) * 1000
    return {"wall_ms": wall, "cpu_ms": (time.process_time() - cpu) * 1000, "score": score}


def java_classpath(root, offline):
    cmd = ["mvn", "-B", "-q"] + (["-o"] if offline else []) + [
        "-pl", "mlops-examples", "-am", "compile",
        "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath",
        "-Dmdep.outputFile=target/classpath.txt"]
    subprocess.run(cmd, cwd=root, check=True)
    with open(os.path.join(root, "mlops-examples", "target", "classpath.txt"), encoding="utf-8") as f:
        cp = f.read().strip()
    return os.path.join(root, "mlops-examples", "target", "classes") + os.pathsep + cp


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default="mlops-examples/target/bench-data")
    parser.add_argument("--classpath")
    parser.add_argument("--rounds", type=int, default=11, help="alternating rounds; the table shows their medians")
    parser.add_argument("--warmups", type=int, default=30, help="Java warm-up runs per measurement (scipy: 2)")
    parser.add_argument("--offline", action="store_true")
    parser.add_argument("--java-opts", default="-Xms2g -Xmx2g")
    parser.add_argument("--json", help="also write the medians to this file")
    args = parser.parse_args()
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    data = os.path.abspath(args.data)
    generate(data)

    ks_ref = np.load(os.path.join(data, "ks_reference.npy"))
    ks_cur = np.load(os.path.join(data, "ks_current.npy"))
    levels = {}
    lead_ref = read_csv(os.path.join(data, "leads_reference.csv"), levels)
    lead_cur = read_csv(os.path.join(data, "leads_current.csv"), levels)

    py = {
        "ks": lambda: float(stats.ks_2samp(ks_ref, ks_cur).pvalue),
        "wasserstein": lambda: float(evidently_wasserstein(ks_ref, ks_cur)),
    }
    for name in LEAD_COLUMNS:
        py["column:" + name] = (lambda n: lambda: float(
            column_drift(lead_ref[n], lead_cur[n], n in CATEGORICAL)[1]))(name)
    py["data_drift"] = lambda: sum(column_drift(lead_ref[n], lead_cur[n], n in CATEGORICAL)[2]
                                   for n in LEAD_COLUMNS) / len(LEAD_COLUMNS)
    tests = {n: column_drift(lead_ref[n], lead_cur[n], n in CATEGORICAL)[0] for n in LEAD_COLUMNS}

    cp = args.classpath or java_classpath(root, args.offline)
    java = JavaSide(["java"] + args.java_opts.split() + ["-cp", cp, "org.mlops4j.examples.bench.DriftBenchmark",
                                                          data])
    keys = list(py)
    cold = {k: java.run(k) for k in keys}
    for k in keys:
        for _ in range(args.warmups):
            java.run(k)
        for _ in range(2):
            python_run(py[k])
    samples = {k: {"py": [], "java": []} for k in keys}
    for r in range(args.rounds):
        for k in keys:
            if r % 2 == 0:
                samples[k]["py"].append(python_run(py[k]))
                samples[k]["java"].append(java.run(k))
            else:
                samples[k]["java"].append(java.run(k))
                samples[k]["py"].append(python_run(py[k]))
    java.close()

    def med(runs, field):
        return statistics.median(x[field] for x in runs)

    print(f"numpy {np.__version__}, scipy {scipy.__version__}; Java {java.hello['java_version']}, "
          f"{java.hello['processors']} processors; medians of {args.rounds} alternating rounds after "
          f"{args.warmups} Java warm-up runs per measurement")
    print(f"{'measurement':<44} {'scipy ms':>9} {'java ms':>8} {'x wall':>7} {'scipy cpu':>9} {'java cpu':>8}"
          f" {'x cpu':>6} {'java cold':>9}  {'scipy score':>12} {'java score':>12}")
    summary = {}
    mismatches = []
    for k in keys:
        p_wall, j_wall = med(samples[k]["py"], "wall_ms"), med(samples[k]["java"], "wall_ms")
        p_cpu, j_cpu = med(samples[k]["py"], "cpu_ms"), med(samples[k]["java"], "cpu_ms")
        p_score, j_score = samples[k]["py"][0]["score"], samples[k]["java"][0]["score"]
        label = k if not k.startswith("column:") else f"{k} ({tests[k[7:]]})"
        print(f"{label:<44} {p_wall:>9.2f} {j_wall:>8.2f} {p_wall / j_wall:>7.1f} {p_cpu:>9.2f} {j_cpu:>8.2f}"
              f" {p_cpu / max(j_cpu, 1e-3):>6.1f} {cold[k]['wall_ms']:>9.2f}  {p_score:>12.8g} {j_score:>12.8g}")
        summary[k] = {"scipy_ms": p_wall, "java_ms": j_wall, "scipy_cpu_ms": p_cpu, "java_cpu_ms": j_cpu,
                      "java_cold_ms": cold[k]["wall_ms"], "scipy_score": p_score, "java_score": j_score}
        if not np.isclose(p_score, j_score, rtol=1e-6, atol=1e-9):
            mismatches.append(k)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(summary, f, indent=2)
    if mismatches:
        print("score mismatch in: " + ", ".join(mismatches))
        sys.exit(1)


if __name__ == "__main__":
    main()
