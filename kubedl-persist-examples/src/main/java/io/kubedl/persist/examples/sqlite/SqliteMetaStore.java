package io.kubedl.persist.examples.sqlite;

import io.kubedl.persist.spi.Capability;
import io.kubedl.persist.spi.FieldLimits;
import io.kubedl.persist.spi.JobPersist;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.spi.PodPersist;
import java.util.EnumSet;
import java.util.Set;

/**
 * An open SQLite store. It declares every optional capability (COUNT, RECONCILE,
 * PURGE) and the reference limits ({@link FieldLimits#DEFAULT}): SQLite TEXT has no
 * width of its own, but a plugin MUST refuse what the reference schema refuses, so a
 * row that fits here also fits MySQL (rule V2). Every method, also of
 * {@link #jobs()} and {@link #pods()}, throws IllegalStateException after
 * {@link #close()} (rule P4).
 */
final class SqliteMetaStore implements MetaStore {
    private final GuardedConnection connection;
    private final SqliteJobPersist jobs;
    private final SqlitePodPersist pods;

    SqliteMetaStore(GuardedConnection connection) {
        this.connection = connection;
        this.jobs = new SqliteJobPersist(connection, FieldLimits.DEFAULT);
        this.pods = new SqlitePodPersist(connection, FieldLimits.DEFAULT);
    }

    @Override
    public JobPersist jobs() {
        connection.ensureOpen();
        return jobs;
    }

    @Override
    public PodPersist pods() {
        connection.ensureOpen();
        return pods;
    }

    @Override
    public String providerName() {
        connection.ensureOpen();
        return SqliteProvider.NAME;
    }

    @Override
    public Set<Capability> capabilities() {
        connection.ensureOpen();
        return EnumSet.allOf(Capability.class);
    }

    @Override
    public FieldLimits limits() {
        connection.ensureOpen();
        return FieldLimits.DEFAULT;
    }

    @Override
    public void close() {
        connection.close();
    }
}
