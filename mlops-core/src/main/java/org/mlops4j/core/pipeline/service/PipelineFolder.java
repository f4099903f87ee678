package org.mlops4j.core.pipeline.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.pipeline.file.ScheduledPipelineFile;
import org.mlops4j.core.runtime.ProviderSet;
import org.mlops4j.core.spi.PipelineStepProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline files of a folder ({@code .json}, {@code .yaml}, {@code .yml}, not hidden, not in sub-folders), read
 * again when a file's modification time or size changes. A file that fails to read keeps its last good version
 * running and its error is reported; a removed file's pipeline is dropped; of two files that declare one name, the
 * first by file name wins and the other is an error. Not thread-safe: the scheduler calls it under its lock; the
 * {@code mlops pipeline} commands read a folder with it once.
 */
public final class PipelineFolder {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineFolder.class);

    private final Path folder;
    private final ProviderSet<PipelineStepProvider> providers;
    private final Map<Path, Stamp> stamps = new HashMap<>();
    private final Map<Path, ScheduledPipelineFile> good = new HashMap<>();
    private final Map<Path, String> errors = new LinkedHashMap<>();
    private Map<String, ScheduledPipelineFile> byName = Map.of();

    /**
     * @param folder    the folder of pipeline files; read by {@link #reload()}
     * @param providers the step types the files name
     */
    public PipelineFolder(Path folder, ProviderSet<PipelineStepProvider> providers) {
        this.folder = folder.toAbsolutePath().normalize();
        this.providers = providers;
    }

    /** When a file was last read. */
    private record Stamp(long modified, long size) {
    }

    /** Reads new and changed files, drops removed ones. */
    public void reload() {
        List<Path> files = pipelineFiles(folder);
        stamps.keySet().retainAll(files);
        good.keySet().retainAll(files);
        errors.keySet().retainAll(files);
        for (Path file : files) {
            Stamp stamp = stamp(file);
            if (stamp.equals(stamps.get(file))) {
                continue;
            }
            stamps.put(file, stamp);
            try {
                ScheduledPipelineFile read = ScheduledPipelineFile.read(file, providers);
                boolean changed = good.put(file, read) != null;
                errors.remove(file);
                LOG.info("{} pipeline '{}' from {}: {}", changed ? "Reloaded" : "Loaded", read.pipeline().name(), file,
                        read.schedule().describe());
            } catch (MlopsException | IllegalArgumentException e) {
                errors.put(file, e.getMessage());
                LOG.warn("Cannot load pipeline file {} ({}); {}", file, e.getMessage(),
                        good.containsKey(file) ? "its previous version stays scheduled" : "it is not scheduled");
            }
        }
        Map<String, ScheduledPipelineFile> names = new LinkedHashMap<>();
        for (Path file : files) {
            ScheduledPipelineFile read = good.get(file);
            if (read == null) {
                continue;
            }
            ScheduledPipelineFile first = names.putIfAbsent(read.pipeline().name(), read);
            if (first != null) {
                errors.put(file, "Pipeline '" + read.pipeline().name() + "' is already declared in " + first.file()
                        + "; rename one of them");
            }
        }
        byName = names;
    }

    /** @return the loaded pipelines by name, in file-name order */
    public Map<String, ScheduledPipelineFile> pipelines() {
        return byName;
    }

    /** @return the files that could not be loaded, with their errors */
    public Map<Path, String> errors() {
        return Map.copyOf(errors);
    }

    /**
     * @param folder a folder
     * @return its pipeline files, sorted by name
     */
    static List<Path> pipelineFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new MlopsException("The pipelines folder " + folder + " does not exist; create it and put the "
                    + "pipeline files (.json, .yaml, .yml) there");
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listed = Files.list(folder)) {
            listed.filter(Files::isRegularFile).filter(PipelineFolder::isPipelineFile).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the pipelines folder " + folder + ": " + e.getMessage(), e);
        }
        return files;
    }

    private static boolean isPipelineFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (name.endsWith(".json") || name.endsWith(".yaml") || name.endsWith(".yml"));
    }

    private static Stamp stamp(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(attributes.lastModifiedTime().toMillis(), attributes.size());
        } catch (IOException e) {
            return new Stamp(-1, -1);
        }
    }
}
