package org.mlops4j.models.internal;

import org.tribuo.Output;
import org.tribuo.Trainer;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.provenance.impl.TrainerProvenanceImpl;

/**
 * This class is internal and is hence not for public use. Its API may change without notice.
 *
 * <p>The invocation counting and provenance every Tribuo trainer of mlops4j's own keeps the way Tribuo's trainers do:
 * each training gets the next invocation count (or the one asked for) and the provenance of the trainer as it was
 * then. Subclasses declare their settings as olcut {@code @Config} fields, which the provenance records.
 *
 * @param <T> the output type
 */
public abstract class CountingTrainer<T extends Output<T>> implements Trainer<T> {

    private int invocationCount = 0;

    /**
     * What one training starts from.
     *
     * @param count      the invocation count this training uses (seeds derive from it)
     * @param provenance the trainer's provenance with that count
     */
    protected record Invocation(int count, TrainerProvenance provenance) {
    }

    /**
     * Starts a training: applies a requested invocation count, takes the provenance, and moves the count on.
     *
     * @param requested the count to train as, or {@link Trainer#INCREMENT_INVOCATION_COUNT} for the next one
     * @return the count and provenance of this training
     */
    protected final synchronized Invocation startInvocation(int requested) {
        if (requested != INCREMENT_INVOCATION_COUNT) {
            setInvocationCount(requested);
        }
        Invocation invocation = new Invocation(invocationCount, getProvenance());
        invocationCount++;
        return invocation;
    }

    @Override
    public synchronized int getInvocationCount() {
        return invocationCount;
    }

    @Override
    public synchronized void setInvocationCount(int invocationCount) {
        if (invocationCount < 0) {
            throw new IllegalArgumentException("The invocation count must be at least 0, found " + invocationCount);
        }
        this.invocationCount = invocationCount;
    }

    @Override
    public TrainerProvenance getProvenance() {
        return new TrainerProvenanceImpl(this);
    }
}
