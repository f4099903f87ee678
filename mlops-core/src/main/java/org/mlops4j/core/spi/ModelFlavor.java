package org.mlops4j.core.spi;

import java.nio.file.Path;

/**
 * A way of saving one kind of model as files and loading it back.
 *
 * <p>Implementations are stateless and safe to use from several threads.
 */
public interface ModelFlavor {

    /** @return the flavor's name, the same as its provider's; stored with every saved model */
    String name();

    /**
     * @param model an object this flavor can save
     * @return whether {@link #save(Object, Path)} accepts it
     */
    boolean supports(Object model);

    /**
     * Saves a model into a folder (which exists and is empty).
     *
     * @param model  the model
     * @param folder where to write its files
     * @throws org.mlops4j.core.MlopsException when the model cannot be written
     */
    void save(Object model, Path folder);

    /**
     * Loads a model saved by {@link #save(Object, Path)}.
     *
     * @param folder the folder it was saved into
     * @return the model
     * @throws org.mlops4j.core.MlopsException when the files are missing or unreadable
     */
    Object load(Path folder);
}
