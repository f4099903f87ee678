#!/usr/bin/env python3
"""Times mlops4j's drift tests against scipy/numpy on the same files and prints one table.

What it measures (both sides start from arrays in memory; reading the files is not timed):
  * ks           scipy.stats.ks_2samp(ref, cur) on 1M vs 1M normal numbers (two-sided, method auto)
  * wasserstein  Evidently's "wasserstein": scipy.stats.wasserstein_distance(ref, cur) / max(np.std(ref), 0.001)
  * the default data drift on a lead-like table (240k x 7, the case study's model_input columns) against a 25k
    window carrying the case study's drift: per column the test Evidently picks by default (more than 1000
    reference rows: wasserstein for numbers with more than 5 values, Jensen-Shannon distance on per-value shares
    otherwise), computed the way Evidently computes it. Categorical columns are dictionary-encoded on both sides
    before timing (pandas categories here would be the equivalent; mlops4j tables hold codes).

The Java side is org.mlops4j.examples.bench.DriftBenchmark run in a fresh JVM; it reports its first ("cold") run and
the median of the runs after a warm-up ("warm"). scipy times are the median of the repetitions.

Usage, from the repository root:
  python3 mlops-examples/bench/drift_vs_scipy.py [--data DIR] [--classpath CP] [--repeat N] [--offline]
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


def default_test(ref, cur, categorical):
    n_values = len(np.unique(np.concatenate([ref, cur])))
    if not categorical and n_values > 5:
        return "wasserstein", evidently_wasserstein(ref, cur)
    return "jensenshannon", evidently_jensenshannon(ref, cur)


def timed(fn, repeat):
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return result, statistics.median(times)


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
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--offline", action="store_true")
    parser.add_argument("--java-opts", default="-Xms2g -Xmx2g")
    args = parser.parse_args()
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    data = os.path.abspath(args.data)
    generate(data)

    ks_ref = np.load(os.path.join(data, "ks_reference.npy"))
    ks_cur = np.load(os.path.join(data, "ks_current.npy"))
    levels = {}
    lead_ref = read_csv(os.path.join(data, "leads_reference.csv"), levels)
    lead_cur = read_csv(os.path.join(data, "leads_current.csv"), levels)

    py = {}
    res, ms = timed(lambda: stats.ks_2samp(ks_ref, ks_cur), args.repeat)
    py["ks"] = {"score": float(res.pvalue), "statistic": float(res.statistic), "ms": ms}
    res, ms = timed(lambda: evidently_wasserstein(ks_ref, ks_cur), args.repeat)
    py["wasserstein"] = {"score": float(res), "ms": ms}
    total = 0.0
    for name in LEAD_COLUMNS:
        (test, score), ms = timed(lambda: default_test(lead_ref[name], lead_cur[name], name in CATEGORICAL),
                                  args.repeat)
        py["column:" + name] = {"stattest": test, "score": float(score), "ms": ms}
        total += ms
    _, ms = timed(lambda: [default_test(lead_ref[n], lead_cur[n], n in CATEGORICAL) for n in LEAD_COLUMNS],
                  args.repeat)
    py["data_drift"] = {"ms": ms}

    cp = args.classpath or java_classpath(root, args.offline)
    cmd = ["java"] + args.java_opts.split() + ["-cp", cp, "org.mlops4j.examples.bench.DriftBenchmark", data]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    java = json.loads(out.stdout)

    print(f"numpy {np.__version__}, scipy {scipy.__version__}; Java {java['java_version']}, "
          f"{java['processors']} processors; warm = median of {java['repetitions']} runs after "
          f"{java['warmups']} warm-up runs")
    print(f"{'measurement':<34} {'scipy ms':>10} {'java cold':>10} {'java warm':>10} {'x cold':>8} {'x warm':>8}"
          f"  {'scipy score':>14} {'java score':>14}")
    for key in ["ks", "wasserstein"] + ["column:" + n for n in LEAD_COLUMNS] + ["data_drift"]:
        p = py[key]
        j = java[key]
        label = key if "stattest" not in p else f"{key} ({p['stattest']})"
        ps = f"{p['score']:.8g}" if "score" in p else ""
        js = f"{j['score']:.8g}" if "score" in j else ""
        print(f"{label:<34} {p['ms']:>10.2f} {j['cold_ms']:>10.2f} {j['warm_ms']:>10.2f} "
              f"{p['ms'] / j['cold_ms']:>8.1f} {p['ms'] / j['warm_ms']:>8.1f}  {ps:>14} {js:>14}")
    mismatches = [k for k in py if "score" in py[k] and not np.isclose(py[k]["score"], java[k]["score"],
                                                                        rtol=1e-6, atol=1e-9)]
    if mismatches:
        print("score mismatch in: " + ", ".join(mismatches))
        sys.exit(1)


if __name__ == "__main__":
    main()
