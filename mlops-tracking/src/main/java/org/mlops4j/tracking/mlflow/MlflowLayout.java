package org.mlops4j.tracking.mlflow;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.mlops4j.core.tracking.TrackingException;
import org.mlops4j.core.tracking.ViewType;

/**
 * Where things are in MLflow's file store ({@code mlflow/store/tracking/file_store.py}, {@code FileStore}):
 * active experiments are the sub-folders of the root other than {@code models} (the registry) and those whose name
 * ends in {@code .trash} ({@code _get_active_experiments}: {@code .trash} itself, and mlops4j's registry work folder); deleted experiments are moved whole into {@code .trash/}
 * ({@code delete_experiment}); an experiment is looked up among the active ones first, then in the trash
 * ({@code _get_experiment_path}); a run is the sub-folder of its experiment named by its id, and an experiment
 * folder's other sub-folders {@code tags}, {@code datasets}, {@code traces} ({@code RESERVED_EXPERIMENT_FOLDERS})
 * and {@code models} (MLflow 3.x logged models) are not runs. Reads only.
 */
final class MlflowLayout {

    static final String TRASH = ".trash";
    static final String MODELS = "models";
    private static final Set<String> NOT_RUNS = Set.of("tags", "datasets", "traces", MODELS);
    /** MLflow's run ids ({@code _validate_run_id}) and experiment ids: letters, digits, {@code _}, {@code -}. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][\\w\\-]{0,255}");
    /** Ids by number when both are numbers (MLflow 2.x ids are 18 digits), else by text. */
    static final Comparator<String> ID_ORDER = (a, b) -> isNumber(a) && isNumber(b)
            ? Comparator.comparingInt(String::length).thenComparing(Comparator.<String>naturalOrder()).compare(a, b)
            : a.compareTo(b);

    private final Path root;

    /** @param root the store's folder */
    MlflowLayout(Path root) {
        this.root = root;
    }

    /** @return the store's folder */
    Path root() {
        return root;
    }

    /**
     * @param id an id as a caller gave it
     * @return whether it can name a folder of the store (so that no id reaches outside it)
     */
    static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /**
     * @param experimentId an experiment id
     * @return its folder, active or in the trash, when it exists
     */
    Optional<Path> experimentDir(String experimentId) {
        if (!isId(experimentId)) {
            return Optional.empty();
        }
        for (Path parent : List.of(root, root.resolve(TRASH))) {
            Path folder = parent.resolve(experimentId);
            if (Files.isDirectory(folder) && !(parent.equals(root) && isReserved(experimentId))) {
                return Optional.of(folder);
            }
        }
        return Optional.empty();
    }

    /**
     * @param view which folders to list: the active experiments', the trash's, or both
     * @return the experiment folders
     */
    List<Path> experimentDirs(ViewType view) {
        List<Path> folders = new ArrayList<>();
        if (view != ViewType.DELETED_ONLY) {
            subFolders(root).stream().filter(f -> !isReserved(f.getFileName().toString())).forEach(folders::add);
        }
        if (view != ViewType.ACTIVE_ONLY) {
            folders.addAll(subFolders(root.resolve(TRASH)));
        }
        return folders;
    }

    /**
     * @param experimentDir an experiment's folder
     * @return its sub-folders that may be runs, sorted by name
     */
    List<Path> runDirs(Path experimentDir) {
        return subFolders(experimentDir).stream().filter(f -> mayBeRun(f.getFileName().toString())).toList();
    }

    /**
     * @param runId a run id
     * @return the run's folder, in an active or a deleted experiment, when it exists
     */
    Optional<Path> runDir(String runId) {
        if (!isId(runId)) {
            return Optional.empty();
        }
        for (Path experiment : experimentDirs(ViewType.ALL)) {
            Path run = experiment.resolve(runId);
            if (Files.isDirectory(run) && !NOT_RUNS.contains(runId)) {
                return Optional.of(run);
            }
        }
        return Optional.empty();
    }

    /**
     * @param name the name of a folder in an experiment's folder
     * @return whether it may be a run's folder: it is none of the experiment's own sub-folders
     */
    static boolean mayBeRun(String name) {
        return !NOT_RUNS.contains(name);
    }

    private static boolean isReserved(String name) {
        return name.endsWith(TRASH) || name.equals(MODELS);
    }

    private static boolean isNumber(String id) {
        return !id.isEmpty() && id.chars().allMatch(Character::isDigit);
    }

    /** @return a folder's sub-folders sorted by name; none when it does not exist */
    static List<Path> subFolders(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> folders = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(folder, Files::isDirectory)) {
            children.forEach(folders::add);
        } catch (IOException e) {
            throw new TrackingException("Cannot list the folder " + folder + " of an MLflow store: " + e
                    + ". Check its permissions.", e);
        }
        folders.sort(Comparator.comparing(f -> f.getFileName().toString(), ID_ORDER));
        return folders;
    }
}
