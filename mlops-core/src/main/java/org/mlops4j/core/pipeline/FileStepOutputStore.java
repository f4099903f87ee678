package org.mlops4j.core.pipeline;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.mlops4j.core.MlopsException;
import org.mlops4j.core.data.Table;
import org.mlops4j.core.pipeline.internal.PipelineJson;
import org.mlops4j.core.pipeline.internal.TableCodec;
import org.mlops4j.core.spi.support.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link StepOutputStore} in a folder: {@code <folder>/<pipeline>/<step>/<fingerprint>/} holds one file per output
 * and a {@code manifest.json} that lists them. Every file is written atomically and the manifest last, so a step's
 * outputs appear all at once; a folder without a manifest (a save cut short by a crash) is ignored and overwritten.
 * Class names stored before an mlops4j class moved are read as its current name ({@link MovedClasses}).
 */
final class FileStepOutputStore implements StepOutputStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileStepOutputStore.class);
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{8,128}");
    private static final String MANIFEST = "manifest.json";
    private static final int FORMAT = 1;

    /** What {@code manifest.json} holds. */
    record Manifest(int format, String pipeline, String step, String fingerprint, boolean branches,
                    List<String> chosenBranches, List<Entry> outputs) {
    }

    /** One output in the manifest: its name, how it is encoded, its file and its class. */
    record Entry(String name, String encoding, String file, String className) {
    }

    private final Path folder;

    /** @param folder the store's folder; created when the first output is saved */
    public FileStepOutputStore(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    @Override
    public Optional<StepResult> load(String pipelineName, String stepName, String fingerprint) {
        Path dir = stepFolder(pipelineName, stepName).resolve(checkFingerprint(fingerprint));
        Path manifestFile = dir.resolve(MANIFEST);
        Manifest manifest;
        try {
            manifest = PipelineJson.MAPPER.readValue(manifestFile.toFile(), Manifest.class);
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new MlopsException("Cannot read the stored outputs' manifest " + manifestFile + ": "
                    + e.getMessage() + "; delete that folder or clear the pipeline's stored outputs", e);
        }
        Map<String, Object> outputs = new LinkedHashMap<>();
        for (Entry entry : manifest.outputs()) {
            outputs.put(entry.name(), readValue(dir.resolve(entry.file()), entry, stepName));
        }
        Optional<Set<String>> branches = manifest.branches() ? Optional.of(Set.copyOf(manifest.chosenBranches()))
                : Optional.empty();
        return Optional.of(new StepResult(outputs, branches));
    }

    @Override
    public void save(String pipelineName, String stepName, String fingerprint, StepResult result) {
        Path stepDir = stepFolder(pipelineName, stepName);
        Path dir = stepDir.resolve(checkFingerprint(fingerprint));
        List<Entry> entries = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, Object> output : result.outputs().entrySet()) {
            entries.add(writeValue(dir, "output-" + index++, output.getKey(), output.getValue(), stepName));
        }
        Manifest manifest = new Manifest(FORMAT, pipelineName, stepName, fingerprint,
                result.chosenBranches().isPresent(),
                result.chosenBranches().map(s -> s.stream().sorted().toList()).orElse(List.of()), entries);
        AtomicFiles.write(dir.resolve(MANIFEST), out -> PipelineJson.MAPPER.writeValue(out, manifest));
        deleteOtherFingerprints(stepDir, dir);
    }

    @Override
    public void clear(String pipelineName) {
        deleteTree(folder.resolve(checkName(pipelineName, "pipeline")));
    }

    private Path stepFolder(String pipelineName, String stepName) {
        return folder.resolve(checkName(pipelineName, "pipeline")).resolve(checkName(stepName, "step"));
    }

    private Entry writeValue(Path dir, String baseName, String name, Object value, String stepName) {
        if (value instanceof Table table) {
            String file = baseName + ".table";
            AtomicFiles.write(dir.resolve(file), out -> {
                DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out));
                TableCodec.write(table, data);
                data.flush();
            });
            return new Entry(name, "table", file, Table.class.getName());
        }
        if (value instanceof Serializable) {
            String file = baseName + ".ser";
            try {
                AtomicFiles.write(dir.resolve(file), out -> {
                    ObjectOutputStream objects = new ObjectOutputStream(new BufferedOutputStream(out));
                    objects.writeObject(value);
                    objects.flush();
                });
                return new Entry(name, "java", file, value.getClass().getName());
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof NotSerializableException)) {
                    throw e;
                }
                LOG.debug("Output '{}' of step '{}' holds a value that is not Serializable; trying JSON", name,
                        stepName);
            }
        }
        String file = baseName + ".json";
        byte[] json;
        try {
            json = PipelineJson.MAPPER.writeValueAsBytes(value);
            PipelineJson.MAPPER.readValue(json, value.getClass());
        } catch (IOException | RuntimeException e) {
            throw new MlopsException("Step '" + stepName + "': output '" + name + "' of type "
                    + value.getClass().getName() + " cannot be stored (it is not a Table, not Serializable, and "
                    + "JSON cannot write and read it back: " + e.getMessage() + "); make it Serializable or a "
                    + "record, or switch storing off for the step with persistOutputs(false)", e);
        }
        AtomicFiles.write(dir.resolve(file), out -> out.write(json));
        return new Entry(name, "json", file, value.getClass().getName());
    }

    private Object readValue(Path file, Entry entry, String stepName) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            switch (entry.encoding()) {
                case "table":
                    return TableCodec.read(new DataInputStream(in));
                case "java":
                    try (ObjectInputStream objects = new ObjectInputStream(in) {
                        @Override
                        protected Class<?> resolveClass(java.io.ObjectStreamClass desc)
                                throws IOException, ClassNotFoundException {
                            return Class.forName(MovedClasses.currentName(desc.getName()), false, contextLoader());
                        }
                    }) {
                        return objects.readObject();
                    }
                case "json":
                    return PipelineJson.MAPPER.readValue(in,
                            Class.forName(MovedClasses.currentName(entry.className()), false, contextLoader()));
                default:
                    throw new IOException("unknown encoding '" + entry.encoding() + "'");
            }
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            throw new MlopsException("Cannot read stored output '" + entry.name() + "' of step '" + stepName
                    + "' from " + file + ": " + e.getMessage() + "; delete that folder or clear the pipeline's "
                    + "stored outputs to run the step again", e);
        }
    }

    private static ClassLoader contextLoader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : FileStepOutputStore.class.getClassLoader();
    }

    private static void deleteOtherFingerprints(Path stepDir, Path keep) {
        try (Stream<Path> children = Files.list(stepDir)) {
            children.filter(p -> !p.equals(keep) && Files.isDirectory(p)).forEach(FileStepOutputStore::deleteTree);
        } catch (IOException e) {
            LOG.warn("Cannot remove older stored outputs in {}: {}", stepDir, e.getMessage());
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + root + ": " + e.getMessage(), e);
        }
    }

    private static String checkName(String name, String what) {
        if (name == null || !SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid " + what + " name '" + name + "' for the output store: "
                    + "expected letters, digits, '_', '-' or '.', starting with a letter or digit");
        }
        return name;
    }

    private static String checkFingerprint(String fingerprint) {
        if (fingerprint == null || !HEX.matcher(fingerprint).matches()) {
            throw new IllegalArgumentException("Invalid fingerprint '" + fingerprint + "': expected lower-case hex");
        }
        return fingerprint;
    }
}
