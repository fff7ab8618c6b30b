package io.kubedl.persist.memory;

import io.kubedl.persist.spi.Capability;
import io.kubedl.persist.spi.FieldLimits;
import io.kubedl.persist.spi.JobPersist;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.spi.PodPersist;
import io.kubedl.persist.spi.RecordValidator;
import java.time.Clock;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A thread-safe store that keeps rows in memory and follows the whole persistence
 * contract (docs/contract.md), with {@link FieldLimits#DEFAULT} and every optional
 * capability. It is the reference the TCK is checked against.
 *
 * <p>Controller authors MAY use it as a test double: it answers exactly what the
 * MySQL provider answers (outcomes, exceptions, order, page tokens), holds nothing
 * outside the JVM, and a new instance is empty. Give it a fixed {@link Clock} to make
 * the gmtModified it stamps (a status change without one) deterministic.
 *
 * <p>Each row is changed by one atomic compute on a concurrent map, so concurrent
 * saves of one identity end at the highest version (W6). A job's delete and purge
 * remove its pods right after the job row, not in one atomic step with it.
 */
public final class InMemoryMetaStore implements MetaStore {
    private final StoreGate gate;
    private final JobTable jobTable;
    private final PodTable podTable;
    private final InMemoryJobs jobs;
    private final InMemoryPods pods;

    /** An empty store whose time source is the UTC system clock. */
    public InMemoryMetaStore() {
        this(Clock.systemUTC());
    }

    /** @param clock the time stamped as gmtModified when a status changes without one (W7) */
    public InMemoryMetaStore(Clock clock) {
        this(clock, MemoryParts.REFERENCE);
    }

    InMemoryMetaStore(Clock clock, MemoryParts parts) {
        RecordValidator validator = new RecordValidator(FieldLimits.DEFAULT);
        gate = parts.gate();
        jobTable = parts.jobTable(validator, clock);
        podTable = parts.podTable(validator, clock);
        jobs = parts.jobs(gate, jobTable, podTable);
        pods = parts.pods(gate, podTable);
    }

    @Override
    public JobPersist jobs() {
        gate.checkOpen();
        return jobs;
    }

    @Override
    public PodPersist pods() {
        gate.checkOpen();
        return pods;
    }

    @Override
    public String providerName() {
        gate.checkOpen();
        return InMemoryProvider.NAME;
    }

    @Override
    public Set<Capability> capabilities() {
        gate.checkOpen();
        return Collections.unmodifiableSet(EnumSet.allOf(Capability.class));
    }

    @Override
    public FieldLimits limits() {
        gate.checkOpen();
        return FieldLimits.DEFAULT;
    }

    @Override
    public void close() {
        if (gate.close()) {
            jobTable.clear();
            podTable.clear();
        }
    }

    @Override
    public String toString() {
        return "InMemoryMetaStore[jobs=" + jobTable.size() + ", pods=" + podTable.size() + "]";
    }
}
