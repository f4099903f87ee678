package org.mlops4j.core.pipeline.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.pipeline.PipelineHistory;
import org.mlops4j.core.pipeline.internal.PipelineJson;
import org.mlops4j.core.spi.support.AtomicFiles;

/**
 * What a scheduler keeps in its state folder, shared by every scheduler process and by the {@code mlops pipeline}
 * commands that point at it: per pipeline its slots ({@link SlotRecord}), its cursor (the time up to which fire
 * times were considered), whether it is paused, and runs requested by hand; the pipeline runs' history; and the
 * scheduler lease ({@link SchedulerLease}).
 *
 * <pre>
 * state/lease.json, state/lease.lock
 * state/history/&lt;run id&gt;.json                      (PipelineHistory)
 * state/pipelines/&lt;name&gt;/cursor.json, paused
 * state/pipelines/&lt;name&gt;/slots/&lt;slot&gt;.json
 * state/pipelines/&lt;name&gt;/requests/&lt;request id&gt;
 * state/pipelines/&lt;name&gt;/outputs/&lt;slot&gt;/             (step outputs kept to resume an interrupted run)
 * </pre>
 *
 * Every file is replaced atomically; a slot is created once with a hard link, which fails when the slot exists, so
 * two processes can never both claim it. Thread-safe.
 */
public final class SchedulerStore {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    private final Path folder;

    private SchedulerStore(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    /**
     * @param folder the state folder; created as needed
     * @return the store in that folder
     */
    public static SchedulerStore inFolder(Path folder) {
        return new SchedulerStore(folder);
    }

    /** @return the state folder */
    public Path folder() {
        return folder;
    }

    /** @return the history of the pipeline runs the scheduler started */
    public PipelineHistory history() {
        return PipelineHistory.inFolder(folder.resolve("history"));
    }

    /**
     * @param ttl how long a taken lease lasts without renewal
     * @param clock where the lease reads the time
     * @param holder this scheduler instance's id
     * @return the lease of this store
     */
    SchedulerLease lease(java.time.Duration ttl, java.time.Clock clock, String holder) {
        return new SchedulerLease(folder, ttl, clock, holder);
    }

    /** @return the holder and expiry of the lease, if one was ever taken */
    public Optional<SchedulerLease.Holder> leaseHolder() {
        return SchedulerLease.read(folder);
    }

    /**
     * Claims a slot: records it unless it is already recorded.
     *
     * @param record the slot in its first state
     * @return whether this call claimed it (false: someone did before)
     */
    public boolean claim(SlotRecord record) {
        Path target = slotFile(record.pipeline(), record.slot());
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".claim.", ".tmp");
            try {
                Files.write(temp, json(record));
                Files.createLink(target, temp);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot claim slot " + record.slot() + " of pipeline '"
                    + record.pipeline() + "' in " + target.getParent() + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param record a claimed slot in its new state
     */
    public void update(SlotRecord record) {
        AtomicFiles.write(slotFile(record.pipeline(), record.slot()), out -> out.write(json(record)));
    }

    /**
     * @param pipeline a pipeline's name
     * @param slot     a slot's key
     * @return the slot, if claimed
     */
    public Optional<SlotRecord> slot(String pipeline, String slot) {
        Path file = slotFile(pipeline, slot);
        return Files.isRegularFile(file) ? Optional.of(read(file, SlotRecord.class)) : Optional.empty();
    }

    /**
     * @param pipeline a pipeline's name
     * @return its slots, newest due first
     */
    public List<SlotRecord> slots(String pipeline) {
        List<SlotRecord> found = new ArrayList<>();
        for (Path file : list(pipelineFolder(pipeline).resolve("slots"))) {
            if (file.getFileName().toString().endsWith(".json")) {
                found.add(read(file, SlotRecord.class));
            }
        }
        found.sort(Comparator.comparing(SlotRecord::due).thenComparing(SlotRecord::slot).reversed());
        return found;
    }

    /** @return the names of the pipelines that have state here, sorted */
    public List<String> pipelines() {
        return list(folder.resolve("pipelines")).stream().filter(Files::isDirectory)
                .map(p -> p.getFileName().toString()).sorted().toList();
    }

    /**
     * @param pipeline a pipeline's name
     * @return the time up to which its fire times were considered; empty for a pipeline never scheduled
     */
    public Optional<Instant> cursor(String pipeline) {
        Path file = pipelineFolder(pipeline).resolve("cursor.json");
        return Files.isRegularFile(file) ? Optional.of(read(file, Cursor.class).after()) : Optional.empty();
    }

    /**
     * @param pipeline a pipeline's name
     * @param after    the time up to which its fire times were considered
     */
    public void cursor(String pipeline, Instant after) {
        AtomicFiles.write(pipelineFolder(pipeline).resolve("cursor.json"), out -> out.write(json(new Cursor(after))));
    }

    /**
     * @param pipeline a pipeline's name
     * @return whether its schedule is paused (triggered runs still run)
     */
    public boolean isPaused(String pipeline) {
        return Files.exists(pipelineFolder(pipeline).resolve("paused"));
    }

    /**
     * Pauses or resumes a pipeline's schedule. While paused its cursor stays, so the fire times missed meanwhile are
     * handled by its catch-up policy when it resumes.
     *
     * @param pipeline a pipeline's name
     * @param paused   whether to pause (else resume)
     */
    public void setPaused(String pipeline, boolean paused) {
        Path marker = pipelineFolder(pipeline).resolve("paused");
        try {
            if (paused) {
                AtomicFiles.write(marker, out -> { });
            } else {
                Files.deleteIfExists(marker);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot " + (paused ? "pause" : "resume") + " pipeline '" + pipeline
                    + "' (" + marker + "): " + e.getMessage(), e);
        }
    }

    /**
     * Asks the scheduler to run a pipeline now, once, as slot {@code manual:<request id>}.
     *
     * @param pipeline a pipeline's name
     * @param at       when it was asked
     * @return the request id
     */
    public String requestRun(String pipeline, Instant at) {
        String id = at.toEpochMilli() + "-" + UUID.randomUUID().toString().substring(0, 8);
        AtomicFiles.write(pipelineFolder(pipeline).resolve("requests").resolve(id),
                out -> out.write(at.toString().getBytes(StandardCharsets.UTF_8)));
        return id;
    }

    /**
     * @param pipeline a pipeline's name
     * @return the ids of its pending run requests, oldest first
     */
    public List<String> requests(String pipeline) {
        return list(pipelineFolder(pipeline).resolve("requests")).stream().map(p -> p.getFileName().toString())
                .filter(name -> !name.startsWith(".")).sorted().toList();
    }

    /**
     * @param pipeline a pipeline's name
     * @param id       a request that was served
     */
    public void removeRequest(String pipeline, String id) {
        try {
            Files.deleteIfExists(pipelineFolder(pipeline).resolve("requests").resolve(checked(id, "request id")));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove run request " + id + " of pipeline '" + pipeline + "': "
                    + e.getMessage(), e);
        }
    }

    /**
     * @param pipeline a pipeline's name
     * @param slot     a slot's key
     * @return the folder where its run keeps step outputs, so that an interrupted run resumes
     */
    public Path outputsOf(String pipeline, String slot) {
        return pipelineFolder(pipeline).resolve("outputs").resolve(fileName(slot));
    }

    private Path pipelineFolder(String pipeline) {
        return folder.resolve("pipelines").resolve(checked(pipeline, "pipeline name"));
    }

    private Path slotFile(String pipeline, String slot) {
        return pipelineFolder(pipeline).resolve("slots").resolve(fileName(slot) + ".json");
    }

    /** Slot keys hold ':' and file names of any kind: every other character than [A-Za-z0-9_.-] becomes ~XX. */
    private static String fileName(String slot) {
        StringBuilder name = new StringBuilder();
        for (byte b : slot.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'
                    || (c == '.' && name.length() > 0)) {
                name.append(c);
            } else {
                name.append('~').append(String.format("%02X", b & 0xff));
            }
        }
        return name.toString();
    }

    private static String checked(String name, String what) {
        if (name == null || !NAME.matcher(name).matches() || name.startsWith(".")) {
            throw new IllegalArgumentException("Invalid " + what + " '" + name + "': the scheduler keeps state in a"
                    + " folder of that name, so it may hold only letters, digits, '_', '-' and '.'");
        }
        return name;
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static byte[] json(Object value) {
        try {
            return PipelineJson.MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new MlopsException("Cannot write " + value + " as JSON: " + e.getMessage(), e);
        }
    }

    static <T> T read(Path file, Class<T> type) {
        try {
            return PipelineJson.MAPPER.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new MlopsException("Cannot read the scheduler's state file " + file + ": " + e.getMessage()
                    + "; delete it to start that pipeline's state afresh", e);
        }
    }

    /** The cursor file's content. */
    record Cursor(Instant after) {
    }
}
