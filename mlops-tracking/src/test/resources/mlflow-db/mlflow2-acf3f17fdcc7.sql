-- An MLflow 2.x tracking and registry database at alembic revision acf3f17fdcc7 ("add storage location field to
-- model versions", MLflow 2.9, October 2023), written by hand in SQLite's dialect from MLflow's migrations (see
-- README.md): experiments with creation_time and last_update_time (97727af70f4d), runs with deleted_time
-- (0c779009ac13) and their names in runs.name as well as in the mlflow.runName tag, params up to 6000 characters
-- (2d6e25af4d3e), registered_model_aliases (3500859a5d39), model_versions.storage_location (acf3f17fdcc7). Only the
-- tables mlops4j reads are made (not datasets, inputs, input_tags). The same text loads into PostgreSQL.
CREATE TABLE alembic_version (
    version_num VARCHAR(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
CREATE TABLE experiments (
    experiment_id INTEGER NOT NULL,
    name VARCHAR(256) NOT NULL,
    artifact_location VARCHAR(256),
    lifecycle_stage VARCHAR(32),
    creation_time BIGINT,
    last_update_time BIGINT,
    CONSTRAINT experiment_pk PRIMARY KEY (experiment_id),
    UNIQUE (name),
    CONSTRAINT experiments_lifecycle_stage CHECK (lifecycle_stage IN ('active', 'deleted'))
);
CREATE TABLE experiment_tags (
    key VARCHAR(250) NOT NULL,
    value VARCHAR(5000),
    experiment_id INTEGER NOT NULL,
    CONSTRAINT experiment_tag_pk PRIMARY KEY (key, experiment_id),
    FOREIGN KEY (experiment_id) REFERENCES experiments (experiment_id)
);
CREATE TABLE runs (
    run_uuid VARCHAR(32) NOT NULL,
    name VARCHAR(250),
    source_type VARCHAR(20),
    source_name VARCHAR(500),
    entry_point_name VARCHAR(50),
    user_id VARCHAR(256),
    status VARCHAR(20),
    start_time BIGINT,
    end_time BIGINT,
    source_version VARCHAR(50),
    lifecycle_stage VARCHAR(20),
    artifact_uri VARCHAR(200),
    experiment_id INTEGER,
    deleted_time BIGINT,
    CONSTRAINT run_pk PRIMARY KEY (run_uuid),
    FOREIGN KEY (experiment_id) REFERENCES experiments (experiment_id),
    CONSTRAINT source_type CHECK (source_type IN ('NOTEBOOK', 'JOB', 'LOCAL', 'UNKNOWN', 'PROJECT')),
    CONSTRAINT status CHECK (status IN ('SCHEDULED', 'FAILED', 'FINISHED', 'RUNNING', 'KILLED')),
    CONSTRAINT runs_lifecycle_stage CHECK (lifecycle_stage IN ('active', 'deleted'))
);
CREATE TABLE tags (
    key VARCHAR(250) NOT NULL,
    value VARCHAR(5000),
    run_uuid VARCHAR(32) NOT NULL,
    CONSTRAINT tag_pk PRIMARY KEY (key, run_uuid),
    FOREIGN KEY (run_uuid) REFERENCES runs (run_uuid)
);
CREATE TABLE params (
    key VARCHAR(250) NOT NULL,
    value VARCHAR(6000) NOT NULL,
    run_uuid VARCHAR(32) NOT NULL,
    CONSTRAINT param_pk PRIMARY KEY (key, run_uuid),
    FOREIGN KEY (run_uuid) REFERENCES runs (run_uuid)
);
CREATE TABLE metrics (
    key VARCHAR(250) NOT NULL,
    value FLOAT NOT NULL,
    timestamp BIGINT NOT NULL,
    run_uuid VARCHAR(32) NOT NULL,
    step BIGINT DEFAULT '0' NOT NULL,
    is_nan BOOLEAN DEFAULT FALSE NOT NULL,
    CONSTRAINT metric_pk PRIMARY KEY (key, timestamp, step, run_uuid, value, is_nan),
    FOREIGN KEY (run_uuid) REFERENCES runs (run_uuid)
);
CREATE TABLE latest_metrics (
    key VARCHAR(250) NOT NULL,
    value FLOAT NOT NULL,
    timestamp BIGINT,
    step BIGINT NOT NULL,
    is_nan BOOLEAN NOT NULL,
    run_uuid VARCHAR(32) NOT NULL,
    CONSTRAINT latest_metric_pk PRIMARY KEY (key, run_uuid),
    FOREIGN KEY (run_uuid) REFERENCES runs (run_uuid)
);
CREATE TABLE registered_models (
    name VARCHAR(256) NOT NULL,
    creation_time BIGINT,
    last_updated_time BIGINT,
    description VARCHAR(5000),
    CONSTRAINT registered_model_pk PRIMARY KEY (name),
    UNIQUE (name)
);
CREATE TABLE registered_model_tags (
    key VARCHAR(250) NOT NULL,
    value VARCHAR(5000),
    name VARCHAR(256) NOT NULL,
    CONSTRAINT registered_model_tag_pk PRIMARY KEY (key, name),
    FOREIGN KEY (name) REFERENCES registered_models (name) ON UPDATE CASCADE
);
CREATE TABLE model_versions (
    name VARCHAR(256) NOT NULL,
    version INTEGER NOT NULL,
    creation_time BIGINT,
    last_updated_time BIGINT,
    description VARCHAR(5000),
    user_id VARCHAR(256),
    current_stage VARCHAR(20),
    source VARCHAR(500),
    run_id VARCHAR(32),
    status VARCHAR(20),
    status_message VARCHAR(500),
    run_link VARCHAR(500),
    storage_location VARCHAR(500),
    CONSTRAINT model_version_pk PRIMARY KEY (name, version),
    FOREIGN KEY (name) REFERENCES registered_models (name) ON UPDATE CASCADE
);
CREATE TABLE model_version_tags (
    key VARCHAR(250) NOT NULL,
    value VARCHAR(5000),
    name VARCHAR(256) NOT NULL,
    version INTEGER NOT NULL,
    CONSTRAINT model_version_tag_pk PRIMARY KEY (key, name, version),
    FOREIGN KEY (name, version) REFERENCES model_versions (name, version) ON UPDATE CASCADE
);
CREATE TABLE registered_model_aliases (
    alias VARCHAR(256) NOT NULL,
    version INTEGER NOT NULL,
    name VARCHAR(256) NOT NULL,
    CONSTRAINT registered_model_alias_pk PRIMARY KEY (name, alias),
    CONSTRAINT registered_model_alias_name_fkey FOREIGN KEY (name) REFERENCES registered_models (name)
        ON DELETE CASCADE ON UPDATE CASCADE
);

INSERT INTO alembic_version VALUES ('acf3f17fdcc7');

-- experiment 0 renamed from Default; experiment 2 deleted
INSERT INTO experiments VALUES (0, 'pycaret-default', './mlruns/0', 'active', 1599000000000, 1600000000000);
INSERT INTO experiments VALUES (1, 'lead-scoring', './mlruns/1', 'active', 1599000000001, 1600000000001);
INSERT INTO experiments VALUES (2, 'old-trials', './mlruns/2', 'deleted', 1599000000002, 1600000000002);
INSERT INTO experiment_tags VALUES ('mlflow.note.content', 'Lead scoring with PyCaret', 1);
INSERT INTO experiment_tags VALUES ('team', 'growth', 1);

-- PyCaret's setup run and three nested model runs, one failed; a running run; a deleted run; a run of the deleted
-- experiment
INSERT INTO runs VALUES ('a1b2c3d4e5f60718293a4b5c6d7e8f90', 'Session Initialized 2f1e', 'LOCAL', 'train.py', '', 'ana', 'FINISHED',
    1600000000000, 1600000900000, '', 'active', './mlruns/1/a1b2c3d4e5f60718293a4b5c6d7e8f90/artifacts', 1, NULL);
INSERT INTO runs VALUES ('1b2c3d4e5f60718293a4b5c6d7e8f901', 'Logistic Regression', 'LOCAL', 'train.py', '', 'ana', 'FINISHED',
    1600000100000, 1600000200000, '', 'active', './mlruns/1/1b2c3d4e5f60718293a4b5c6d7e8f901/artifacts', 1, NULL);
INSERT INTO runs VALUES ('2a3b4c5d6e7f80910a1b2c3d4e5f6a7b', 'Random Forest Classifier', 'LOCAL', 'train.py', '', 'ana', 'FINISHED',
    1600000300000, 1600000400000, '', 'active', './mlruns/1/2a3b4c5d6e7f80910a1b2c3d4e5f6a7b/artifacts', 1, NULL);
INSERT INTO runs VALUES ('3c4d5e6f708192a3b4c5d6e7f8091a2b', 'Light Gradient Boosting Machine', 'LOCAL', 'train.py', '', 'ana', 'FAILED',
    1600000500000, 1600000600000, '', 'active', './mlruns/1/3c4d5e6f708192a3b4c5d6e7f8091a2b/artifacts', 1, NULL);
INSERT INTO runs VALUES ('4d5e6f708192a3b4c5d6e7f8091a2b3c', 'exploring', 'LOCAL', 'notebook', '', 'ben', 'RUNNING',
    1600001000000, NULL, '', 'active', './mlruns/0/4d5e6f708192a3b4c5d6e7f8091a2b3c/artifacts', 0, NULL);
INSERT INTO runs VALUES ('5e6f708192a3b4c5d6e7f8091a2b3c4d', 'discarded', 'LOCAL', 'train.py', '', 'ana', 'KILLED',
    1600000700000, 1600000800000, '', 'deleted', './mlruns/1/5e6f708192a3b4c5d6e7f8091a2b3c4d/artifacts', 1, 1600000850000);
INSERT INTO runs VALUES ('6f708192a3b4c5d6e7f8091a2b3c4d5e', '', 'LOCAL', 'old.py', '', 'ana', 'FINISHED',
    1500000000000, 1500000100000, '', 'active', './mlruns/2/6f708192a3b4c5d6e7f8091a2b3c4d5e/artifacts', 2, NULL);

INSERT INTO tags VALUES ('mlflow.runName', 'Session Initialized 2f1e', 'a1b2c3d4e5f60718293a4b5c6d7e8f90');
INSERT INTO tags VALUES ('mlflow.user', 'ana', 'a1b2c3d4e5f60718293a4b5c6d7e8f90');
INSERT INTO tags VALUES ('Source', 'pycaret', 'a1b2c3d4e5f60718293a4b5c6d7e8f90');
INSERT INTO tags VALUES ('mlflow.runName', 'Logistic Regression', '1b2c3d4e5f60718293a4b5c6d7e8f901');
INSERT INTO tags VALUES ('mlflow.parentRunId', 'a1b2c3d4e5f60718293a4b5c6d7e8f90', '1b2c3d4e5f60718293a4b5c6d7e8f901');
INSERT INTO tags VALUES ('mlflow.runName', 'Random Forest Classifier', '2a3b4c5d6e7f80910a1b2c3d4e5f6a7b');
INSERT INTO tags VALUES ('mlflow.parentRunId', 'a1b2c3d4e5f60718293a4b5c6d7e8f90', '2a3b4c5d6e7f80910a1b2c3d4e5f6a7b');
INSERT INTO tags VALUES ('mlflow.runName', 'Light Gradient Boosting Machine', '3c4d5e6f708192a3b4c5d6e7f8091a2b');
INSERT INTO tags VALUES ('mlflow.parentRunId', 'a1b2c3d4e5f60718293a4b5c6d7e8f90', '3c4d5e6f708192a3b4c5d6e7f8091a2b');
INSERT INTO tags VALUES ('mlflow.runName', 'exploring', '4d5e6f708192a3b4c5d6e7f8091a2b3c');
INSERT INTO tags VALUES ('mlflow.runName', 'discarded', '5e6f708192a3b4c5d6e7f8091a2b3c4d');

INSERT INTO params VALUES ('session_id', '123', 'a1b2c3d4e5f60718293a4b5c6d7e8f90');
INSERT INTO params VALUES ('C', '1.0', '1b2c3d4e5f60718293a4b5c6d7e8f901');
INSERT INTO params VALUES ('n_estimators', '100', '2a3b4c5d6e7f80910a1b2c3d4e5f6a7b');
INSERT INTO params VALUES ('max_depth', 'None', '2a3b4c5d6e7f80910a1b2c3d4e5f6a7b');
INSERT INTO params VALUES ('learning_rate', '0.1', '3c4d5e6f708192a3b4c5d6e7f8091a2b');

-- the forest's AUC: step 2 beats a later timestamp at step 1; at step 2 the later timestamp beats a larger value;
-- at the same step and timestamp the larger value wins
INSERT INTO metrics VALUES ('AUC', 0.70, 1600000310000, '2a3b4c5d6e7f80910a1b2c3d4e5f6a7b', 0, FALSE);
INSERT INTO metrics VALUES ('AUC', 0.75, 1600000320000, '2a3b4c5d6e7f80910a1b2c3d4e5f6a7b', 1, FALSE);
INSERT INTO metrics VALUES ('AUC', 0.85, 1600000325000, '2a3b4c5d6e7f80910a1b2c3d4e5f6a7b', 2, FALSE);
INSERT INTO metrics VALUES ('AUC', 0.78, 1600000330000, '2a3b4c5d6e7f80910a1b2c3d4e5f6a7b', 2, FALSE);
INSERT INTO metrics VALUES ('AUC', 0.79, 1600000330000, '2a3b4c5d6e7f80910a1b2c3d4e5f6a7b', 2, FALSE);
INSERT INTO metrics VALUES ('AUC', 0.81, 1600000390000, '2a3b4c5d6e7f80910a1b2c3d4e5f6a7b', 1, FALSE);
INSERT INTO metrics VALUES ('Accuracy', 0.71, 1600000330000, '2a3b4c5d6e7f80910a1b2c3d4e5f6a7b', 0, FALSE);
INSERT INTO metrics VALUES ('AUC', 0.74, 1600000150000, '1b2c3d4e5f60718293a4b5c6d7e8f901', 0, FALSE);
INSERT INTO metrics VALUES ('AUC', 0.69, 1600000550000, '3c4d5e6f708192a3b4c5d6e7f8091a2b', 0, FALSE);
-- a NaN, stored as MLflow stores it: value 0 and is_nan true
INSERT INTO metrics VALUES ('F1', 0, 1600000550000, '3c4d5e6f708192a3b4c5d6e7f8091a2b', 0, TRUE);

INSERT INTO latest_metrics VALUES ('AUC', 0.79, 1600000330000, 2, FALSE, '2a3b4c5d6e7f80910a1b2c3d4e5f6a7b');
INSERT INTO latest_metrics VALUES ('Accuracy', 0.71, 1600000330000, 0, FALSE, '2a3b4c5d6e7f80910a1b2c3d4e5f6a7b');
INSERT INTO latest_metrics VALUES ('AUC', 0.74, 1600000150000, 0, FALSE, '1b2c3d4e5f60718293a4b5c6d7e8f901');
INSERT INTO latest_metrics VALUES ('AUC', 0.69, 1600000550000, 0, FALSE, '3c4d5e6f708192a3b4c5d6e7f8091a2b');
INSERT INTO latest_metrics VALUES ('F1', 0, 1600000550000, 0, TRUE, '3c4d5e6f708192a3b4c5d6e7f8091a2b');

-- the registry: lead-scoring's version 4 was deleted through MLflow (stage Deleted_Internal, never shown); churn's
-- version 1 was registered from a path, without a run
INSERT INTO registered_models VALUES ('churn', 1600002000000, 1600002000000, NULL);
INSERT INTO registered_models VALUES ('lead-scoring', 1600001000000, 1600001500000, 'Scores inbound leads');
INSERT INTO registered_model_tags VALUES ('owner', 'growth', 'lead-scoring');
INSERT INTO model_versions VALUES ('lead-scoring', 1, 1600001000000, 1600001400000, '', 'ana', 'Archived',
    './mlruns/1/1b2c3d4e5f60718293a4b5c6d7e8f901/artifacts/model', '1b2c3d4e5f60718293a4b5c6d7e8f901', 'READY', NULL,
    '', NULL);
INSERT INTO model_versions VALUES ('lead-scoring', 2, 1600001100000, 1600001400000, 'the forest', 'ana',
    'Production', './mlruns/1/2a3b4c5d6e7f80910a1b2c3d4e5f6a7b/artifacts/model', '2a3b4c5d6e7f80910a1b2c3d4e5f6a7b',
    'READY', NULL, '', NULL);
INSERT INTO model_versions VALUES ('lead-scoring', 3, 1600001200000, 1600001300000, NULL, 'ana', 'Staging',
    './mlruns/1/3c4d5e6f708192a3b4c5d6e7f8091a2b/artifacts/model', '3c4d5e6f708192a3b4c5d6e7f8091a2b', 'READY', NULL,
    '', NULL);
INSERT INTO model_versions VALUES ('lead-scoring', 4, 1600001250000, 1600001350000, NULL, 'ana', 'Deleted_Internal',
    './mlruns/1/3c4d5e6f708192a3b4c5d6e7f8091a2b/artifacts/model', '3c4d5e6f708192a3b4c5d6e7f8091a2b', 'READY', NULL,
    '', NULL);
INSERT INTO model_versions VALUES ('churn', 1, 1600002000000, 1600002000000, NULL, 'ben', 'None',
    '/models/churn', NULL, 'READY', NULL, NULL, NULL);
INSERT INTO model_version_tags VALUES ('validated', 'true', 'lead-scoring', 2);
INSERT INTO registered_model_aliases VALUES ('champion', 2, 'lead-scoring');
INSERT INTO registered_model_aliases VALUES ('challenger', 3, 'lead-scoring');
