package org.mlops4j.core.pipeline.file;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.mlops4j.core.ConfigurationException;
import org.mlops4j.core.pipeline.CatchUpPolicy;
import org.mlops4j.core.pipeline.InterruptPolicy;
import org.mlops4j.core.pipeline.OverlapPolicy;
import org.mlops4j.core.pipeline.Pipeline;
import org.mlops4j.core.pipeline.Schedule;
import org.mlops4j.core.runtime.ProviderSet;
import org.mlops4j.core.spi.PipelineStepProvider;

/**
 * A pipeline file read with its {@code schedule} block ({@link ScheduleDeclaration}): what a scheduler loads from
 * its pipelines folder.
 *
 * @param file     the file
 * @param pipeline the pipeline it declares
 * @param schedule when and how it runs
 */
public record ScheduledPipelineFile(Path file, Pipeline pipeline, ScheduleDeclaration schedule) {

    private static final Set<String> SCHEDULE_KEYS = Set.of("cron", "zone", "every", "inbox", "overlap", "catchup",
            "on_interrupt", "max_attempts");

    /** Checks that nothing is {@code null}. */
    public ScheduledPipelineFile {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(schedule, "schedule");
    }

    /**
     * @param file      a {@code .json}, {@code .yaml} or {@code .yml} pipeline file
     * @param providers the step providers, by name
     * @return the pipeline and its schedule; {@link ScheduleDeclaration#manualOnly()} without a schedule block
     * @throws ConfigurationException naming the file, and the key in the schedule block, when it is invalid
     */
    public static ScheduledPipelineFile read(Path file, ProviderSet<PipelineStepProvider> providers) {
        boolean yaml = PipelineFileParser.isYaml(file);
        String text = PipelineFileParser.readText(file);
        Pipeline pipeline = PipelineFileParser.parse(text, yaml, file.toString(), providers);
        JsonNode block = PipelineFileParser.tree(text, yaml, file.toString()).get("schedule");
        if (block == null || block.isNull()) {
            return new ScheduledPipelineFile(file, pipeline, ScheduleDeclaration.manualOnly());
        }
        return new ScheduledPipelineFile(file, pipeline, declaration(block, file));
    }

    private static ScheduleDeclaration declaration(JsonNode block, Path file) {
        if (!block.isObject()) {
            throw invalid(file, "'schedule' must be an object with cron, every or inbox, found " + block);
        }
        Iterator<String> keys = block.fieldNames();
        while (keys.hasNext()) {
            String key = keys.next();
            if (!SCHEDULE_KEYS.contains(key)) {
                throw invalid(file, "unknown key '" + key + "' in 'schedule'; accepted keys are "
                        + new TreeSet<>(SCHEDULE_KEYS));
            }
        }
        if (block.has("cron") && block.has("every")) {
            throw invalid(file, "'schedule' has both 'cron' and 'every'; keep one");
        }
        Optional<Schedule> timing = Optional.empty();
        try {
            if (block.has("cron")) {
                ZoneId zone = block.has("zone") ? ZoneId.of(block.get("zone").asText()) : ZoneOffset.UTC;
                timing = Optional.of(Schedule.cron(block.get("cron").asText(), zone));
            } else if (block.has("every")) {
                timing = Optional.of(Schedule.fixedRate(Duration.parse(block.get("every").asText().trim())));
            }
        } catch (DateTimeParseException e) {
            throw invalid(file, "'every' must be an ISO-8601 duration such as PT15M, found '"
                    + block.get("every").asText() + "'");
        } catch (java.time.DateTimeException | IllegalArgumentException e) {
            throw invalid(file, "the schedule's timing is invalid: " + e.getMessage());
        } catch (ConfigurationException e) {
            throw invalid(file, e.getMessage());
        }
        Optional<Path> inbox = block.has("inbox")
                ? Optional.of(file.toAbsolutePath().getParent().resolve(block.get("inbox").asText()).normalize())
                : Optional.empty();
        if (timing.isEmpty() && inbox.isEmpty()) {
            throw invalid(file, "'schedule' needs 'cron', 'every' or 'inbox'; leave the block out for a pipeline "
                    + "that runs only when triggered");
        }
        int attempts = block.has("max_attempts") ? block.get("max_attempts").asInt(0) : 3;
        if (attempts < 1) {
            throw invalid(file, "'max_attempts' must be a whole number >= 1, found " + block.get("max_attempts"));
        }
        return new ScheduleDeclaration(timing, inbox,
                choice(block, "overlap", OverlapPolicy.class, OverlapPolicy.SKIP, file),
                choice(block, "catchup", CatchUpPolicy.class, CatchUpPolicy.NONE, file),
                choice(block, "on_interrupt", InterruptPolicy.class, InterruptPolicy.RETRY, file), attempts);
    }

    private static <E extends Enum<E>> E choice(JsonNode block, String key, Class<E> type, E fallback, Path file) {
        if (!block.has(key)) {
            return fallback;
        }
        String value = block.get(key).asText().trim();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        StringBuilder accepted = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            accepted.append(accepted.isEmpty() ? "" : ", ").append(constant.name().toLowerCase(Locale.ROOT));
        }
        throw invalid(file, "'" + key + "' must be one of " + accepted + ", found '" + value + "'");
    }

    private static ConfigurationException invalid(Path file, String problem) {
        return new ConfigurationException("Pipeline file " + file + ", schedule: " + problem);
    }
}
