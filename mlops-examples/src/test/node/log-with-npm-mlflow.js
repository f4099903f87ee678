#!/usr/bin/env node
// Logs to an MLflow tracking server with the npm package `mlflow` 2.0.7 (a Node.js client of MLflow's REST API,
// written by others), then prints what it did as one JSON document on standard output.
//
//   node log-with-npm-mlflow.js http://127.0.0.1:5000        (MLFLOW_TRACKING_TOKEN is sent when set)
//
// It creates an experiment; three runs with params, tags, a metric history logged one call at a time (log-metric),
// a second history with params and tags in one log-batch, a tag set then deleted, the run finished; it deletes and
// restores a run, renames and deletes a second experiment; it reads a run, a history and the artifacts back; it
// searches the runs with a filter and an order-by; and, through the package's own request code (it wraps no registry
// call), it registers a model, creates a version of it from a run and moves that version to Staging. Not called:
// Experiments.list (experiments/list is gone from MLflow's REST API 2.0; search replaced it) and
// Experiments.setExperimentTag (the package drops the slash before set-experiment-tag, so it asks for a wrong path). NpmMlflowClientIT runs it against `mlops server` and checks the
// store through mlops4j's Java API. Exit code 0 when every call succeeded, 1 (with the failing call on standard
// error) otherwise.
'use strict';

const assert = require('node:assert/strict');
const MLflow = require('mlflow');
const { MLflowBase } = require('mlflow/lib/mlflow');
const { ViewType, RunStatus } = require('mlflow/enum');

// The package prints every request body with console.log; keep standard output for this script's JSON.
console.log = (...args) => console.error(...args);

/** The registry calls, which the package does not wrap: its own request code, under another path. */
class RegistryCalls extends MLflowBase {
  constructor(args, path) {
    super(args);
    this.path = path;
  }

  call(method, name, body) {
    return this.req(method, name, body);
  }
}

const EXPERIMENT = 'npm-mlflow-client';
const FILTER = "params.optimizer = 'sgd' and metrics.loss < 0.5";
const ORDER_BY = ['metrics.accuracy DESC'];
const RUNS = [
  { name: 'sgd-lr-0.1', params: { lr: '0.1', optimizer: 'sgd' }, tags: { team: 'js' },
    loss: [0.92, 0.61, 0.47, 0.41], accuracy: [0.70, 0.79, 0.83], batchParams: { epochs: '3' } },
  { name: 'sgd-lr-0.01', params: { lr: '0.01', optimizer: 'sgd' }, tags: { team: 'js' },
    loss: [0.95, 0.70, 0.52, 0.44], accuracy: [0.66, 0.81, 0.88], batchParams: { epochs: '3' } },
  { name: 'adam-lr-0.001', params: { lr: '0.001', optimizer: 'adam' }, tags: { team: 'js' },
    loss: [0.90, 0.50, 0.35, 0.30], accuracy: [0.75, 0.85, 0.90], batchParams: { epochs: '3' } },
];
const RENAMED = 'npm-mlflow-renamed';
const MODEL = 'npm-mlflow-model';

async function main(endpoint) {
  const token = process.env.MLFLOW_TRACKING_TOKEN;
  const settings = { endpoint, headers: token ? { Authorization: `Bearer ${token}` } : {} };
  const client = new MLflow(settings);
  const { Experiments, Runs, Metrics, Artifacts } = client;
  const start = Date.now() - 60_000;

  const { experiment_id: experimentId } = await Experiments.create({ name: EXPERIMENT });
  const { experiment } = await Experiments.get({ experiment_id: experimentId });
  assert.equal(experiment.name, EXPERIMENT);

  const runs = [];
  for (const [index, plan] of RUNS.entries()) {
    runs.push(await logRun(Runs, experimentId, plan, start + index * 10_000));
  }

  const last = runs[runs.length - 1];
  await Runs.delete({ run_id: last.run_id });
  await Runs.restore({ run_id: last.run_id });
  const { experiment_id: scratchId } = await Experiments.create({ name: 'npm-mlflow-scratch' });
  await Experiments.update({ experiment_id: scratchId, new_name: RENAMED });
  await Experiments.delete({ experiment_id: scratchId });

  const first = runs[0];
  const { run } = await Runs.get({ run_id: first.run_id });
  assert.deepEqual(Object.fromEntries(run.data.params.map(p => [p.key, p.value])), first.params);
  const { metrics: history } = await Metrics.getHistory({ run_id: first.run_id, metric_key: 'loss' });
  assert.deepEqual(history.map(m => m.value), first.metrics.loss.map(m => m.value));
  const { files = [] } = await Artifacts.list({ run_id: first.run_id });

  const found = await Runs.search({ experiment_ids: [experimentId], filter: FILTER, order_by: ORDER_BY,
    run_view_type: ViewType.ACTIVE_ONLY, max_results: 100 });
  const model = await registerModel(settings, first.run_id);

  return {
    experiment: { experiment_id: experimentId, name: experiment.name },
    runs,
    deleted_experiment: { experiment_id: scratchId, name: RENAMED },
    artifacts_of_first_run: files.map(f => f.path),
    search: { filter: FILTER, order_by: ORDER_BY, run_ids: (found.runs || []).map(r => r.info.run_id) },
    model,
  };
}

async function logRun(Runs, experimentId, plan, startTime) {
  const tags = { 'mlflow.runName': plan.name, ...plan.tags };
  const { run } = await Runs.create({ experiment_id: experimentId, user_id: 'node', start_time: startTime,
    tags: entries(tags) });
  const runId = run.info.run_id;
  for (const [key, value] of Object.entries(plan.params)) {
    await Runs.logParameter({ run_id: runId, key, value });
  }
  const loss = plan.loss.map((value, step) => ({ key: 'loss', value, timestamp: startTime + step * 1000, step }));
  for (const metric of loss) {
    await Runs.logMetric({ run_id: runId, ...metric });
  }
  const accuracy = plan.accuracy.map((value, step) => ({ key: 'accuracy', value,
    timestamp: startTime + step * 1000 + 500, step }));
  const batchTags = { stage: 'trained' };
  await Runs.logBatch({ run_id: runId, metrics: accuracy, params: entries(plan.batchParams),
    tags: entries(batchTags) });
  await Runs.setTag({ run_id: runId, key: 'scratch', value: 'to be deleted' });
  await Runs.deleteTag({ run_id: runId, key: 'scratch' });
  const endTime = startTime + 5_000;
  await Runs.update({ run_id: runId, status: RunStatus.FINISHED, end_time: endTime });
  return {
    run_id: runId,
    run_name: plan.name,
    user_id: 'node',
    start_time: startTime,
    end_time: endTime,
    status: RunStatus.FINISHED,
    params: { ...plan.params, ...plan.batchParams },
    tags: { ...tags, ...batchTags },
    deleted_tags: ['scratch'],
    metrics: { loss: loss.map(withoutKey), accuracy: accuracy.map(withoutKey) },
  };
}

async function registerModel(settings, runId) {
  const models = new RegistryCalls(settings, '/registered-models');
  const versions = new RegistryCalls(settings, '/model-versions');
  const description = 'logged by the npm mlflow client';
  await models.call('post', '/create', { name: MODEL, description });
  const source = `runs:/${runId}/model`;
  const { model_version: created } = await versions.call('post', '/create', { name: MODEL, source,
    run_id: runId });
  await versions.call('post', '/transition-stage', { name: MODEL, version: created.version, stage: 'Staging',
    archive_existing_versions: false });
  const { model_version: read } = await versions.call('get', '/get', { name: MODEL, version: created.version });
  const { registered_model: registered } = await models.call('get', '/get', { name: MODEL });
  return { name: registered.name, description: registered.description, version: read.version, source: read.source,
    run_id: read.run_id, stage: read.current_stage };
}

function entries(object) {
  return Object.entries(object).map(([key, value]) => ({ key, value }));
}

function withoutKey({ value, timestamp, step }) {
  return { value, timestamp, step };
}

const endpoint = (process.argv[2] || '').replace(/\/+$/, '');
if (!endpoint) {
  console.error('usage: node log-with-npm-mlflow.js http://127.0.0.1:5000');
  process.exit(2);
}
main(endpoint).then(
  result => process.stdout.write(JSON.stringify(result, null, 2) + '\n'),
  error => {
    console.error(`The npm mlflow client failed against ${endpoint}: ${error.stack || error}`);
    process.exitCode = 1;
  });
