package io.kubedl.persist.mysql.internal;

import com.zaxxer.hikari.HikariDataSource;
import io.kubedl.persist.spi.Capability;
import io.kubedl.persist.spi.FieldLimits;
import io.kubedl.persist.spi.JobPersist;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.spi.PodPersist;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open MySQL store: a HikariCP pool and the job and pod tables on it. close()
 * closes the pool it built (every connection and the pool's housekeeping thread; never
 * an application's own DataSource) and makes
 * every later call fail with IllegalStateException (P4).
 */
final class MySqlMetaStore implements MetaStore {
    private static final Logger LOG = LoggerFactory.getLogger(MySqlMetaStore.class);

    private final Runnable closeResources;
    private final StoreLifecycle lifecycle;
    private final MySqlJobs jobs;
    private final MySqlPods pods;
    private final String target;

    MySqlMetaStore(HikariDataSource pool, StoreLifecycle lifecycle, MySqlJobs jobs, MySqlPods pods, String target,
            Runnable onClose) {
        this(() -> {
            pool.close();
            onClose.run();
        }, lifecycle, jobs, pods, target);
    }

    /**
     * A store on a pool it does not own (the application's DataSource): close() closes
     * only what closeResources closes.
     */
    MySqlMetaStore(Runnable closeResources, StoreLifecycle lifecycle, MySqlJobs jobs, MySqlPods pods, String target) {
        this.closeResources = closeResources;
        this.lifecycle = lifecycle;
        this.jobs = jobs;
        this.pods = pods;
        this.target = target;
    }

    @Override
    public JobPersist jobs() {
        lifecycle.ensureOpen();
        return jobs;
    }

    @Override
    public PodPersist pods() {
        lifecycle.ensureOpen();
        return pods;
    }

    @Override
    public String providerName() {
        lifecycle.ensureOpen();
        return "mysql";
    }

    @Override
    public Set<Capability> capabilities() {
        lifecycle.ensureOpen();
        return EnumSet.allOf(Capability.class);
    }

    @Override
    public FieldLimits limits() {
        lifecycle.ensureOpen();
        return FieldLimits.DEFAULT;
    }

    @Override
    public void close() {
        if (lifecycle.close()) {
            closeResources.run();
            LOG.info("mysql store {} closed", target);
        }
    }

    @Override
    public String toString() {
        return "MySqlMetaStore[" + target + "]";
    }
}
