package org.mlops4j.server.rest.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.mlops4j.core.tracking.Metric;
import org.mlops4j.core.tracking.Param;
import org.mlops4j.core.tracking.Run;
import org.mlops4j.core.tracking.RunInfo;
import org.mlops4j.core.tracking.RunNames;
import org.mlops4j.core.tracking.RunStatus;
import org.mlops4j.core.tracking.RunTag;
import org.mlops4j.core.tracking.RunsPage;
import org.mlops4j.core.tracking.SearchRequest;
import org.mlops4j.core.tracking.SystemTags;
import org.mlops4j.core.tracking.TrackingInputChecks;
import org.mlops4j.core.tracking.TrackingStore;

/**
 * The run calls of MLflow's REST API: {@code runs/create}, {@code get}, {@code update}, {@code delete},
 * {@code restore}, {@code search}, {@code log-metric}, {@code log-parameter}, {@code set-tag}, {@code delete-tag},
 * {@code log-batch} (with MLflow's limits: 1000 metrics, 100 params, 100 tags, 1000 in all) and
 * {@code metrics/get-history} and {@code artifacts/list} (one folder of a run's artifacts; the store refuses a path that
 * leaves the run's artifact root).
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice. Thread-safe when the
 * store is.
 */
public final class RunEndpoints {

    private static final int HISTORY_DEFAULT_RESULTS = 25_000;

    private final TrackingStore store;
    private final ArtifactLocations locations;

    /**
     * @param store     where the runs are
     * @param locations where their artifacts are reported
     */
    public RunEndpoints(TrackingStore store, ArtifactLocations locations) {
        this.store = store;
        this.locations = locations;
    }

    /**
     * @param routes the table to add the run calls to
     */
    public void addTo(RestRoutes routes) {
        routes.add("runs/create", "POST", this::create)
                .add("runs/get", "GET", this::get)
                .add("runs/update", "POST", this::update)
                .add("runs/delete", "POST", this::delete)
                .add("runs/restore", "POST", this::restore)
                .add("runs/search", "POST", this::search)
                .add("runs/log-metric", "POST", this::logMetric)
                .add("runs/log-parameter", "POST", this::logParam)
                .add("runs/set-tag", "POST", this::setTag)
                .add("runs/delete-tag", "POST", this::deleteTag)
                .add("runs/log-batch", "POST", this::logBatch, this::logPlainBatch)
                .add("metrics/get-history", "GET", this::metricHistory)
                .add("artifacts/list", "GET", this::listArtifacts);
    }

    private ObjectNode create(RestRequest request) {
        String experimentId = request.text("experiment_id").filter(id -> !id.isEmpty()).orElse("0");
        List<RunTag> tags = tags(request);
        String name = request.text("run_name").filter(text -> !text.isEmpty())
                .or(() -> tags.stream().filter(tag -> tag.key().equals(SystemTags.RUN_NAME)).map(RunTag::value)
                        .findFirst())
                .orElseGet(RunNames::generate);
        long start = request.number("start_time").orElseGet(System::currentTimeMillis);
        RunInfo info = store.createRun(experimentId, name, request.text("user_id").orElse(""), start, tags);
        return answer(run(info.runId()));
    }

    private ObjectNode get(RestRequest request) {
        return answer(run(runId(request)));
    }

    private ObjectNode update(RestRequest request) {
        String runId = runId(request);
        Run run = run(runId);
        request.text("run_name").filter(name -> !name.isEmpty()).ifPresent(name -> store.logBatch(runId, List.of(),
                List.of(), List.of(new RunTag(SystemTags.RUN_NAME, name))));
        RunStatus status = request.text("status").map(RunEndpoints::status).orElse(run.info().status());
        OptionalLong end = request.number("end_time");
        RunInfo info = store.updateRun(runId, status, end.isPresent() ? end : run.info().endTime());
        ObjectNode answer = MlflowJson.object();
        answer.set("run_info", MlflowJson.runInfo(run(info.runId()).info(), locations));
        return answer;
    }

    private ObjectNode delete(RestRequest request) {
        String runId = runId(request);
        run(runId);
        store.deleteRun(runId);
        return MlflowJson.object();
    }

    private ObjectNode restore(RestRequest request) {
        String runId = runId(request);
        run(runId);
        store.restoreRun(runId);
        return MlflowJson.object();
    }

    private ObjectNode search(RestRequest request) {
        List<String> experimentIds = request.texts("experiment_ids");
        if (experimentIds.isEmpty()) {
            throw RestException.missing("experiment_ids");
        }
        SearchRequest.Builder search = SearchRequest.builder(experimentIds)
                .filter(request.text("filter").orElse(""))
                .viewType(Views.parse(request.text("run_view_type")))
                .maxResults(Math.toIntExact(Math.max(-1, Math.min(Integer.MAX_VALUE,
                        request.number("max_results").orElse(SearchRequest.DEFAULT_MAX_RESULTS)))));
        request.texts("order_by").forEach(search::orderBy);
        request.text("page_token").filter(token -> !token.isEmpty()).ifPresent(search::pageToken);
        RunsPage page = store.searchRuns(search.build());
        ObjectNode answer = MlflowJson.object();
        var runs = answer.putArray("runs");
        page.runs().forEach(run -> runs.add(MlflowJson.run(run, locations)));
        page.nextPageToken().ifPresent(token -> answer.put("next_page_token", token));
        return answer;
    }

    private ObjectNode logMetric(RestRequest request) {
        String runId = runId(request);
        batch(runId, List.of(metric(request)), List.of(), List.of());
        return MlflowJson.object();
    }

    private ObjectNode logParam(RestRequest request) {
        String runId = runId(request);
        batch(runId, List.of(), List.of(new Param(request.required("key"), request.text("value").orElse(""))),
                List.of());
        return MlflowJson.object();
    }

    private ObjectNode setTag(RestRequest request) {
        String runId = runId(request);
        batch(runId, List.of(), List.of(), List.of(new RunTag(request.required("key"),
                request.text("value").orElse(""))));
        return MlflowJson.object();
    }

    private ObjectNode deleteTag(RestRequest request) {
        String runId = runId(request);
        String key = request.required("key");
        if (!run(runId).data().tags().containsKey(key)) {
            throw new RestException(ErrorCode.RESOURCE_DOES_NOT_EXIST, "No tag with name: " + key + " in run with id "
                    + runId);
        }
        store.deleteTag(runId, key);
        return MlflowJson.object();
    }

    private ObjectNode logBatch(RestRequest request) {
        String runId = runId(request);
        List<Metric> metrics = request.messages("metrics").stream().map(RunEndpoints::metric).toList();
        List<Param> params = request.messages("params").stream()
                .map(param -> new Param(param.required("key"), param.text("value").orElse(""))).toList();
        batch(runId, metrics, params, tags(request));
        return MlflowJson.object();
    }

    private Optional<ObjectNode> logPlainBatch(byte[] body) {
        return LogBatchReader.read(body).map(read -> {
            batch(read.runId(), read.metrics(), read.params(), read.tags());
            return MlflowJson.object();
        });
    }

    private ObjectNode metricHistory(RestRequest request) {
        String runId = runId(request);
        String key = request.required("metric_key");
        run(runId);
        Paging paging = Paging.of(request, HISTORY_DEFAULT_RESULTS, Integer.MAX_VALUE);
        return paging.page(store.getMetricHistory(runId, key), MlflowJson.object(), "metrics", MlflowJson::metric);
    }

    private ObjectNode listArtifacts(RestRequest request) {
        String runId = runId(request);
        Run run = run(runId);
        String path = request.text("path").orElse("");
        ObjectNode answer = MlflowJson.object().put("root_uri", locations.of(run.info()));
        var files = answer.putArray("files");
        store.listArtifacts(runId, path).forEach(file -> {
            ObjectNode info = files.addObject().put("path", file.path()).put("is_dir", file.directory());
            if (!file.directory()) {
                info.put("file_size", file.size());
            }
        });
        return answer;
    }

    private void batch(String runId, List<Metric> metrics, List<Param> params, List<RunTag> tags) {
        TrackingInputChecks.checkBatch(runId, metrics, params, tags);
        store.logBatch(runId, metrics, params, tags);
    }

    private Run run(String runId) {
        return store.getRun(runId).orElseThrow(() -> new RestException(ErrorCode.RESOURCE_DOES_NOT_EXIST,
                "Run with id=" + runId + " not found"));
    }

    private static String runId(RestRequest request) {
        return request.text("run_id").filter(id -> !id.isEmpty()).or(() -> request.text("run_uuid"))
                .filter(id -> !id.isEmpty()).orElseThrow(() -> RestException.missing("run_id"));
    }

    private static Metric metric(RestRequest metric) {
        return new Metric(metric.required("key"), metric.requiredDouble("value"),
                metric.number("timestamp").orElseThrow(() -> RestException.missing("timestamp")),
                metric.number("step").orElse(0));
    }

    private static List<RunTag> tags(RestRequest request) {
        List<RunTag> tags = new ArrayList<>();
        request.messages("tags").forEach(tag -> tags.add(new RunTag(tag.required("key"),
                tag.text("value").orElse(""))));
        return tags;
    }

    private static RunStatus status(String text) {
        try {
            return RunStatus.valueOf(text.trim());
        } catch (IllegalArgumentException e) {
            try {
                return RunStatus.fromCode(Integer.parseInt(text.trim()));
            } catch (IllegalArgumentException notCode) {
                throw RestException.invalid("status", "RUNNING, SCHEDULED, FINISHED, FAILED or KILLED",
                        "'" + text + "'");
            }
        }
    }

    private ObjectNode answer(Run run) {
        ObjectNode answer = MlflowJson.object();
        answer.set("run", MlflowJson.run(run, locations));
        return answer;
    }
}
