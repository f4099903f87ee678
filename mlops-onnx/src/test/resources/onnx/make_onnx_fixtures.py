"""Trains three scikit-learn classifiers on leads.csv and writes their ONNX graphs and predict_proba references.

Run with Debian's Python (numpy, scikit-learn 1.2, onnx 1.12; skl2onnx is not installed, so the graphs are built here
from the fitted parameters, with the ONNX-ML operators skl2onnx emits for these models):

    cd mlops-onnx/src/test/resources/onnx && /usr/bin/python3 make_onnx_fixtures.py

leads.csv is a copy of the lead-scoring case study's model input (mlops-examples, expected/model_input.csv): 100
rows, three numeric and three categorical features, the binary target app_complete_flag. The first 70 rows train,
the last 30 are held out (holdout.csv); <model>_expected.csv holds scikit-learn's predict and predict_proba on them.

- logistic.onnx: LogisticRegression on the numeric features, one float tensor "input" [N, 3]:
  LinearClassifier (int64 labels) -> ZipMap (the sequence of maps skl2onnx outputs by default).
- forest.onnx: RandomForestClassifier (10 trees, depth 4) on the same tensor: TreeEnsembleClassifier, its
  probabilities left as a float tensor [N, 2] (skl2onnx's zipmap=False). As skl2onnx does for two classes, the
  leaves hold class 1's weight only, under class id 0: ONNX Runtime then gives [1 - p, p] and the label p > 0.5
  (with both classes' weights it labels every row 1; with class id 1 it gives [0, p]).
- pipeline.onnx: ColumnTransformer(StandardScaler on the numeric columns, OneHotEncoder(handle_unknown='ignore') on
  the categorical ones) -> LogisticRegression, string labels "no"/"yes", one input per column as converters emit
  for a DataFrame (float [N, 1] and string [N, 1]): Concat -> Scaler, OneHotEncoder -> Reshape per column,
  Concat -> LinearClassifier -> ZipMap (string keys).
- mlflow_pipeline/: pipeline.onnx as MLflow's onnx flavor logs it (MLmodel with the onnx and python_function flavors
  and a column signature, requirements.txt); mlflow_pyfunc/: an MLmodel with only python_function (a pickled
  sklearn model), which mlops4j must refuse.
"""
import csv

import numpy as np
import onnx
from onnx import TensorProto, helper
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

NUMERIC = ["total_leads_droppped", "city_tier", "referred_lead"]
CATEGORICAL = ["first_platform_c", "first_utm_medium_c", "first_utm_source_c"]
TARGET = "app_complete_flag"
TRAIN_ROWS = 70
OPSETS = [helper.make_opsetid("", 15), helper.make_opsetid("ai.onnx.ml", 3)]


def read_rows():
    with open("leads.csv", newline="") as f:
        return list(csv.DictReader(f))


def numeric(rows):
    return np.array([[float(r[c]) for c in NUMERIC] for r in rows], dtype=np.float64)


def zipmap(probabilities, output, labels):
    key = "classlabels_int64s" if isinstance(labels[0], (int, np.integer)) else "classlabels_strings"
    values = [int(v) for v in labels] if key == "classlabels_int64s" else [str(v) for v in labels]
    return helper.make_node("ZipMap", [probabilities], [output], domain="ai.onnx.ml", **{key: values})


def zipmap_output(labels):
    key_type = TensorProto.INT64 if isinstance(labels[0], (int, np.integer)) else TensorProto.STRING
    map_type = onnx.TypeProto()  # onnx 1.12's helper has no make_map_type_proto
    map_type.map_type.key_type = key_type
    map_type.map_type.value_type.CopyFrom(helper.make_tensor_type_proto(TensorProto.FLOAT, None))
    return helper.make_value_info("output_probability", helper.make_sequence_type_proto(map_type))


def linear_classifier(model, features, label, probabilities, labels):
    """skl2onnx's binary LogisticRegression: both classes' rows (-w, w), LOGISTIC on each score."""
    coef = model.coef_[0]
    intercept = model.intercept_[0]
    key = "classlabels_ints" if isinstance(labels[0], (int, np.integer)) else "classlabels_strings"
    values = [int(v) for v in labels] if key == "classlabels_ints" else [str(v) for v in labels]
    return helper.make_node("LinearClassifier", [features], [label, probabilities], domain="ai.onnx.ml",
                            coefficients=[float(v) for v in np.concatenate([-coef, coef])],
                            intercepts=[float(-intercept), float(intercept)], multi_class=0,
                            post_transform="LOGISTIC", **{key: values})


def save(graph, path, doc):
    model = helper.make_model(graph, opset_imports=OPSETS, producer_name="mlops4j-fixtures",
                              doc_string=doc)
    model.ir_version = 8
    # onnx 1.12's shape inference does not handle ZipMap's sequence of maps ("type case unsupported for symbolic
    # shape inference"): those graphs get the checker's structural check (operators, attributes, types, topology)
    zipmap = any(n.op_type == "ZipMap" for n in graph.node)
    onnx.checker.check_model(model, full_check=not zipmap)
    onnx.save(model, path)


def write_expected(path, labels, predicted, proba):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["row", "label"] + ["p_" + str(c) for c in labels])
        for i, (p, ps) in enumerate(zip(predicted, proba)):
            w.writerow([i, p] + [repr(float(v)) for v in ps])


def logistic(train, test):
    y = np.array([int(float(r[TARGET])) for r in train])
    model = LogisticRegression(C=1.0, max_iter=1000).fit(numeric(train), y)
    labels = [int(c) for c in model.classes_]
    nodes = [linear_classifier(model, "input", "output_label", "probabilities", labels),
             zipmap("probabilities", "output_probability", labels)]
    graph = helper.make_graph(nodes, "logistic",
                              [helper.make_tensor_value_info("input", TensorProto.FLOAT, [None, len(NUMERIC)])],
                              [helper.make_tensor_value_info("output_label", TensorProto.INT64, [None]),
                               zipmap_output(labels)])
    save(graph, "logistic.onnx", "LogisticRegression on " + ", ".join(NUMERIC))
    write_expected("logistic_expected.csv", labels, model.predict(numeric(test)), model.predict_proba(numeric(test)))


def forest(train, test):
    y = np.array([int(float(r[TARGET])) for r in train])
    model = RandomForestClassifier(n_estimators=10, max_depth=4, random_state=7).fit(numeric(train), y)
    labels = [int(c) for c in model.classes_]
    attrs = {k: [] for k in ["nodes_treeids", "nodes_nodeids", "nodes_featureids", "nodes_values", "nodes_modes",
                             "nodes_truenodeids", "nodes_falsenodeids", "class_treeids", "class_nodeids",
                             "class_ids", "class_weights"]}
    for t, estimator in enumerate(model.estimators_):
        tree = estimator.tree_
        for n in range(tree.node_count):
            leaf = tree.children_left[n] == -1
            attrs["nodes_treeids"].append(t)
            attrs["nodes_nodeids"].append(n)
            attrs["nodes_featureids"].append(0 if leaf else int(tree.feature[n]))
            attrs["nodes_values"].append(0.0 if leaf else float(tree.threshold[n]))
            attrs["nodes_modes"].append("LEAF" if leaf else "BRANCH_LEQ")
            attrs["nodes_truenodeids"].append(0 if leaf else int(tree.children_left[n]))
            attrs["nodes_falsenodeids"].append(0 if leaf else int(tree.children_right[n]))
            if leaf:
                counts = tree.value[n][0]
                for c, v in enumerate(counts / counts.sum()):
                    if len(labels) == 2 and c == 0:
                        continue  # as skl2onnx: a binary forest stores class 1's weight only, under class id 0
                    attrs["class_treeids"].append(t)
                    attrs["class_nodeids"].append(n)
                    attrs["class_ids"].append(0 if len(labels) == 2 else c)
                    attrs["class_weights"].append(float(v) / len(model.estimators_))
    node = helper.make_node("TreeEnsembleClassifier", ["input"], ["output_label", "probabilities"],
                            domain="ai.onnx.ml", classlabels_int64s=labels, post_transform="NONE", **attrs)
    graph = helper.make_graph([node], "forest",
                              [helper.make_tensor_value_info("input", TensorProto.FLOAT, [None, len(NUMERIC)])],
                              [helper.make_tensor_value_info("output_label", TensorProto.INT64, [None]),
                               helper.make_tensor_value_info("probabilities", TensorProto.FLOAT,
                                                             [None, len(labels)])])
    save(graph, "forest.onnx", "RandomForestClassifier(10 trees, depth 4) on " + ", ".join(NUMERIC))
    write_expected("forest_expected.csv", labels, model.predict(numeric(test)), model.predict_proba(numeric(test)))


def pipeline(train, test):
    def frame(rows):
        import pandas as pd
        return pd.DataFrame({**{c: [float(r[c]) for r in rows] for c in NUMERIC},
                             **{c: [r[c] for r in rows] for c in CATEGORICAL}})

    y = np.array(["yes" if float(r[TARGET]) == 1.0 else "no" for r in train])
    prep = ColumnTransformer([("num", StandardScaler(), NUMERIC),
                              ("cat", OneHotEncoder(handle_unknown="ignore"), CATEGORICAL)])
    model = Pipeline([("prep", prep), ("clf", LogisticRegression(C=1.0, max_iter=1000))]).fit(frame(train), y)
    scaler = model.named_steps["prep"].named_transformers_["num"]
    encoder = model.named_steps["prep"].named_transformers_["cat"]
    labels = [str(c) for c in model.classes_]
    inputs = [helper.make_tensor_value_info(c, TensorProto.FLOAT, [None, 1]) for c in NUMERIC]
    inputs += [helper.make_tensor_value_info(c, TensorProto.STRING, [None, 1]) for c in CATEGORICAL]
    nodes = [helper.make_node("Concat", NUMERIC, ["numeric"], axis=1),
             helper.make_node("Scaler", ["numeric"], ["scaled"], domain="ai.onnx.ml",
                              offset=[float(v) for v in scaler.mean_], scale=[float(1 / v) for v in scaler.scale_])]
    initializers = []
    encoded = ["scaled"]
    for column, categories in zip(CATEGORICAL, encoder.categories_):
        shape = column + "_shape"
        initializers.append(helper.make_tensor(shape, TensorProto.INT64, [2], [-1, len(categories)]))
        nodes.append(helper.make_node("OneHotEncoder", [column], [column + "_onehot"], domain="ai.onnx.ml",
                                      cats_strings=[str(c) for c in categories], zeros=1))
        nodes.append(helper.make_node("Reshape", [column + "_onehot", shape], [column + "_encoded"]))
        encoded.append(column + "_encoded")
    nodes.append(helper.make_node("Concat", encoded, ["features"], axis=1))
    nodes.append(linear_classifier(model.named_steps["clf"], "features", "output_label", "probabilities", labels))
    nodes.append(zipmap("probabilities", "output_probability", labels))
    graph = helper.make_graph(nodes, "pipeline", inputs,
                              [helper.make_tensor_value_info("output_label", TensorProto.STRING, [None]),
                               zipmap_output(labels)], initializer=initializers)
    save(graph, "pipeline.onnx", "StandardScaler + OneHotEncoder -> LogisticRegression")
    write_expected("pipeline_expected.csv", labels, model.predict(frame(test)), model.predict_proba(frame(test)))


def holdout(rows):
    with open("holdout.csv", "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def mlflow_directories():
    import os
    import shutil
    signature_inputs = ", ".join(['{"type": "double", "name": "%s", "required": true}' % c for c in NUMERIC]
                                 + ['{"type": "string", "name": "%s", "required": true}' % c for c in CATEGORICAL])
    os.makedirs("mlflow_pipeline", exist_ok=True)
    shutil.copyfile("pipeline.onnx", "mlflow_pipeline/model.onnx")
    with open("mlflow_pipeline/MLmodel", "w") as f:
        f.write("""artifact_path: model
flavors:
  onnx:
    code: null
    data: model.onnx
    onnx_version: 1.12.0
    providers:
    - CUDAExecutionProvider
    - CPUExecutionProvider
  python_function:
    data: model.onnx
    env:
      conda: conda.yaml
      virtualenv: python_env.yaml
    loader_module: mlflow.onnx
    python_version: 3.11.2
mlflow_version: 2.9.2
model_uuid: 5c1f0d0a7e2b4c4f9d7f3b1a2e6c8d90
run_id: 0b8e6ad5c4d94b1f8a43f4c09e0e2f11
signature:
  inputs: '[%s]'
  outputs: '[{"type": "string", "name": "output_label", "required": true}]'
  params: null
utc_time_created: '2026-12-08 04:20:00.000000'
""" % signature_inputs)
    with open("mlflow_pipeline/requirements.txt", "w") as f:
        f.write("mlflow==2.9.2\nonnx==1.12.0\nonnxruntime==1.16.3\n")
    os.makedirs("mlflow_pyfunc", exist_ok=True)
    with open("mlflow_pyfunc/MLmodel", "w") as f:
        f.write("""artifact_path: model
flavors:
  python_function:
    env:
      conda: conda.yaml
      virtualenv: python_env.yaml
    loader_module: mlflow.sklearn
    model_path: model.pkl
    predict_fn: predict
    python_version: 3.11.2
  sklearn:
    code: null
    pickled_model: model.pkl
    serialization_format: cloudpickle
    sklearn_version: 1.2.1
mlflow_version: 2.9.2
model_uuid: 9a0c3e51f2d84e7b8c6a1d2e3f405162
run_id: 0b8e6ad5c4d94b1f8a43f4c09e0e2f11
utc_time_created: '2026-12-08 04:20:00.000000'
""")


def main():
    rows = read_rows()
    train, test = rows[:TRAIN_ROWS], rows[TRAIN_ROWS:]
    holdout(test)
    logistic(train, test)
    forest(train, test)
    pipeline(train, test)
    mlflow_directories()


if __name__ == "__main__":
    main()
