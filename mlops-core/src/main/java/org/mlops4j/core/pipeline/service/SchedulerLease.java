package org.mlops4j.core.pipeline.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.pipeline.internal.PipelineJson;
import org.mlops4j.core.spi.support.AtomicFiles;
import org.mlops4j.core.spi.support.FileLocks;

/**
 * The right to schedule from one state folder: a row, {@code lease.json} (holder and expiry), read and replaced
 * under the folder's lock file, so that of several scheduler processes on one store exactly one schedules and the
 * others wait. The holder renews it on every tick; a holder that dies stops renewing, and another process takes it
 * over once it has expired. Times come from the scheduler's clock. Thread-safe.
 */
public final class SchedulerLease {

    private static final FileLocks LOCKS = new FileLocks((message, cause) -> new MlopsException(message, cause));

    private final Path folder;
    private final Duration ttl;
    private final Clock clock;
    private final String holder;

    SchedulerLease(Path folder, Duration ttl, Clock clock, String holder) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("The lease time must be positive, was " + ttl);
        }
        this.folder = folder;
        this.ttl = ttl;
        this.clock = clock;
        this.holder = Objects.requireNonNull(holder, "holder");
    }

    /**
     * Who holds a lease, and until when.
     *
     * @param id      the holding scheduler instance
     * @param expires when the lease lapses unless renewed
     */
    public record Holder(String id, Instant expires) {
    }

    /**
     * Takes the lease when it is free or expired, or renews it when this instance holds it.
     *
     * @return whether this instance holds the lease now
     */
    public boolean acquireOrRenew() {
        try (FileLocks.Held lock = lock()) {
            Instant now = clock.instant();
            Optional<Holder> current = read(folder);
            if (current.isPresent() && !current.get().id().equals(holder) && now.isBefore(current.get().expires())) {
                return false;
            }
            Holder ours = new Holder(holder, now.plus(ttl));
            AtomicFiles.write(file(folder), out -> PipelineJson.MAPPER.writeValue(out, ours));
            return true;
        }
    }

    /** Gives the lease up when this instance holds it, so another process takes over at once. */
    public void release() {
        try (FileLocks.Held lock = lock()) {
            if (read(folder).map(h -> h.id().equals(holder)).orElse(false)) {
                Files.deleteIfExists(file(folder));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot release the scheduler lease " + file(folder) + ": "
                    + e.getMessage(), e);
        }
    }

    /** @return this instance's id */
    public String holder() {
        return holder;
    }

    static Optional<Holder> read(Path folder) {
        Path file = file(folder);
        return Files.isRegularFile(file) ? Optional.of(SchedulerStore.read(file, Holder.class)) : Optional.empty();
    }

    private FileLocks.Held lock() {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the scheduler's state folder " + folder + ": "
                    + e.getMessage(), e);
        }
        return LOCKS.lock(folder.resolve("lease.lock"), FileLocks.Level.STORE);
    }

    private static Path file(Path folder) {
        return folder.resolve("lease.json");
    }
}
