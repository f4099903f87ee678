package org.mlops4j.tracking.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.mlops4j.core.ConfigurationException;

/**
 * What a folder given as a {@code file:} tracking or registry location holds, and whether it may be opened: the one
 * place that decides what makes a folder an mlops4j store.
 *
 * <p>A folder is an mlops4j store when it holds the tracking store's default experiment ({@code 0/meta.json}, or
 * {@code .trash/0/meta.json}) or a model registry ({@code models/.trash}, which the registry makes when first opened,
 * or a {@code models/<name>/model.json}). A folder with no entries, or only the first entries a store being made there
 * by another process (or whose making was interrupted) has, is empty: a writer racing another to make a store joins
 * it. Anything else is not an mlops4j store; MLflow's own {@code mlruns} layout is recognised (its default experiment
 * {@code 0/meta.yaml} or {@code .trash/0/meta.yaml}, or a registered model {@code models/<name>/meta.yaml}), and the
 * {@code file:} providers open it read in place ({@code org.mlops4j.tracking.mlflow}).
 *
 * <p>Reading ({@link #requireStore}) needs a store; writing ({@link #requireStoreOrEmpty}) also accepts a folder that
 * is missing or empty, where a new store is made, and refuses one holding anything else. Neither writes anything.
 *
 * <p>This class is internal and is hence not for public use. Its API may change without notice.
 */
public final class StoreFolder {

    /** What a location folder holds. */
    public enum Contents {
        /** Nothing at the path. */
        MISSING,
        /** A folder without entries (a {@code .lock} file aside). */
        EMPTY,
        /** An mlops4j store. */
        STORE,
        /** MLflow's own {@code mlruns} layout, which the {@code file:} providers read and write in place. */
        MLFLOW_STORE,
        /** A file, or a folder holding something else. */
        OTHER
    }

    /** How to give another tracking location, for messages. */
    public static final String TRACKING_HINT = "Check the tracking URI (--tracking-uri on the command line,"
            + " mlops.tracking.uri in the configuration).";

    /** How to give another registry location, for messages. */
    public static final String REGISTRY_HINT = "Check the registry URI (--registry-uri, else --tracking-uri, on the"
            + " command line; mlops.registry.uri, else mlops.tracking.uri, in the configuration).";

    /** The meta file of every experiment, run and registered model in MLflow's layout. */
    private static final String MLFLOW_META = "meta.yaml";

    /** How many entries a message lists. */
    private static final int LISTED = 5;

    private StoreFolder() {
    }

    /**
     * @param root a folder
     * @return what it holds; reads the folder, writes nothing
     * @throws org.mlops4j.core.ConfigurationException when the folder cannot be listed
     */
    public static Contents inspect(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS) && !Files.exists(root)) {
            return Contents.MISSING;
        }
        if (!Files.isDirectory(root)) {
            return Contents.OTHER;
        }
        if (holdsStore(root)) {
            return Contents.STORE;
        }
        if (holdsMlflowStore(root)) {
            return Contents.MLFLOW_STORE;
        }
        if (beingMade(root)) {
            return Contents.EMPTY;
        }
        // a store another process finished making while the folder was listed
        return holdsStore(root) ? Contents.STORE : Contents.OTHER;
    }

    private static boolean holdsStore(Path root) {
        return Files.isRegularFile(root.resolve("0").resolve(RunFolder.META))
                || Files.isRegularFile(root.resolve(".trash").resolve("0").resolve(RunFolder.META))
                || Files.isDirectory(root.resolve("models").resolve(".trash"))
                || holdsModelFile(root.resolve("models"), "model.json");
    }

    private static boolean holdsMlflowStore(Path root) {
        return Files.isRegularFile(root.resolve("0").resolve(MLFLOW_META))
                || Files.isRegularFile(root.resolve(".trash").resolve("0").resolve(MLFLOW_META))
                || holdsModelFile(root.resolve("models"), MLFLOW_META);
    }

    /**
     * Whether a folder holds nothing, or only what another process making a store there has made so far: the store's
     * {@code .lock} (in MLflow's layout {@code .mlops4j-store.lock}), a default experiment folder {@code 0/} with no
     * file but temporary ones, a {@code models/} folder
     * with nothing but its {@code .trash/} and {@code .locks/}.
     */
    private static boolean beingMade(Path root) {
        for (String entry : entries(root)) {
            boolean madeFirst = switch (entry) {
                case ".lock", ".mlops4j-store.lock" -> true;
                case "0/" -> entries(root.resolve("0")).stream().allMatch(FileWrites::isTemporary);
                case "models/" -> Set.of(".trash/", ".locks/").containsAll(entries(root.resolve("models")));
                default -> false;
            };
            if (!madeFirst) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks that a location may be opened to read: the folder exists and holds an mlops4j store.
     *
     * @param root     the folder
     * @param location the URI it was given as, for messages
     * @param hint     how to give another location, such as "Check the tracking URI (--tracking-uri ...)."
     * @throws ConfigurationException naming the folder, what it holds and what was expected, when it is missing or
     *                                not a store
     */
    public static void requireStore(Path root, URI location, String hint) {
        Contents contents = inspect(root);
        switch (contents) {
            case STORE -> {
                return;
            }
            case MISSING -> throw new ConfigurationException("No mlops4j store at " + location + ": the folder "
                    + root + " does not exist. " + hint + " A store is made there by the first command or call"
                    + " that writes to it; reading never creates one.");
            case EMPTY -> throw new ConfigurationException("No mlops4j store at " + location + ": the folder "
                    + root + " is empty. " + hint + " A store is made there by the first command or call that"
                    + " writes to it; reading never creates one.");
            default -> throw new ConfigurationException(notAStore(root, location, contents) + " " + hint);
        }
    }

    /**
     * Checks that a location may be opened to write: the folder is missing or empty (a new store is made there), or
     * holds an mlops4j store. A folder holding anything else is refused: a store is never mixed into other files.
     *
     * @param root     the folder
     * @param location the URI it was given as, for messages
     * @param hint     how to give another location, such as "Check the tracking URI (--tracking-uri ...)."
     * @return what the folder holds: {@link Contents#MISSING}, {@link Contents#EMPTY} or {@link Contents#STORE}
     * @throws ConfigurationException naming the folder and what it holds, when it holds something else
     */
    public static Contents requireStoreOrEmpty(Path root, URI location, String hint) {
        Contents contents = inspect(root);
        if (contents == Contents.OTHER || contents == Contents.MLFLOW_STORE) {
            throw new ConfigurationException(notAStore(root, location, contents) + " mlops4j does not write a"
                    + " store into a folder that holds other things. " + hint + " Give a new or empty folder, or"
                    + " an existing mlops4j store.");
        }
        return contents;
    }

    private static String notAStore(Path root, URI location, Contents contents) {
        String found;
        if (contents == Contents.MLFLOW_STORE) {
            found = "it holds MLflow's own mlruns layout (meta.yaml files), which mlops4j opens in place through"
                    + " a file: tracking or registry URI (and does not mix into a store of its own)";
        } else if (!Files.isDirectory(root)) {
            found = "it is a file, not a folder";
        } else {
            found = "it holds " + describe(entries(root));
        }
        return "The folder " + root + " (" + location + ") is not an mlops4j store: expected a tracking store's"
                + " default experiment (0/meta.json) or a model registry (models/), but " + found + ".";
    }

    private static String describe(List<String> entries) {
        List<String> shown = entries.subList(0, Math.min(LISTED, entries.size()));
        String listed = String.join(", ", shown);
        return entries.size() > LISTED ? listed + " and " + (entries.size() - LISTED) + " more" : listed;
    }

    private static boolean holdsModelFile(Path models, String fileName) {
        if (!Files.isDirectory(models)) {
            return false;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(models, Files::isDirectory)) {
            for (Path child : children) {
                if (Files.isRegularFile(child.resolve(fileName))) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw unreadable(models, e);
        }
    }

    /** @return the names of a folder's entries, sorted, folders with a trailing {@code /} */
    private static List<String> entries(Path folder) {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(folder)) {
            for (Path child : children) {
                names.add(child.getFileName() + (Files.isDirectory(child) ? "/" : ""));
            }
        } catch (IOException e) {
            throw unreadable(folder, e);
        }
        names.sort(String::compareTo);
        return names;
    }

    private static ConfigurationException unreadable(Path folder, IOException e) {
        return new ConfigurationException("Cannot list the folder " + folder + " to check that it is an mlops4j"
                + " store: " + e + ". Check its permissions.", e);
    }
}
