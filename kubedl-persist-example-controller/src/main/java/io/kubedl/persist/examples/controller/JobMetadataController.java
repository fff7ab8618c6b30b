package io.kubedl.persist.examples.controller;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kubedl.persist.PersistException;
import io.kubedl.persist.kubernetes.JobConverter;
import io.kubedl.persist.kubernetes.PodConverter;
import io.kubedl.persist.spi.Capability;
import io.kubedl.persist.spi.MetaStore;
import io.kubedl.persist.writebehind.CloseReport;
import io.kubedl.persist.writebehind.WriteBehindOptions;
import io.kubedl.persist.writebehind.WriteBehindStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the metadata of training jobs and their pods in a store while the api-server
 * has them, and after. What KubeDL's Go controller does, plus what it missed:
 * <ol>
 *   <li>{@link #start()} opens a shared informer on Pods and one per job kind, in
 *       every namespace, and waits until each has listed what exists;</li>
 *   <li>then it reconciles (rule D3): every row of this region still marked in etcd
 *       whose UID the api-server no longer has is marked removed, so a deletion made
 *       while the controller was down is recorded, not lost;</li>
 *   <li>every event is converted and handed to a {@link WriteBehindStore}, which
 *       writes in batches off the informer threads;</li>
 *   <li>{@link #close()} stops the informers first, then drains what is pending
 *       within a timeout and reports anything it could not write.</li>
 * </ol>
 * The controller does not own the {@link MetaStore} or the {@link KubernetesClient}:
 * the caller closes them after the controller.
 *
 * <p>Reconcile is scoped by region: the controller MUST watch every namespace of its
 * region, as it does, or it would mark the jobs of the namespaces it does not see
 * removed. The controller's region wins over a job's tenancy annotation (as in KubeDL); only
 * without a region is a job stored in its annotation's region, which is then not reconciled here.
 */
public final class JobMetadataController implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobMetadataController.class);

    private final KubernetesClient client;
    private final MetaStore store;
    private final String region;
    private final List<TrainingJobKind> kinds;
    private final WriteBehindOptions writeBehindOptions;
    private final Duration syncTimeout;
    private final Duration drainTimeout;
    private final Clock clock;
    private final AtomicLong refused = new AtomicLong();

    private final List<SharedIndexInformer<GenericKubernetesResource>> jobInformers = new ArrayList<>();
    private SharedIndexInformer<Pod> podInformer;
    private volatile WriteBehindStore writeBehind;
    private boolean started;
    private boolean closed;

    private JobMetadataController(Builder b) {
        client = Objects.requireNonNull(b.client, "client");
        store = Objects.requireNonNull(b.store, "store");
        region = b.region == null ? "" : b.region;
        kinds = List.copyOf(b.kinds);
        writeBehindOptions = b.writeBehindOptions;
        syncTimeout = b.syncTimeout;
        drainTimeout = b.drainTimeout;
        clock = b.clock;
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("kinds: name at least one job kind to watch");
        }
    }

    /**
     * @param client the api-server connection; not closed by the controller
     * @param store where the metadata goes; not closed by the controller
     * @return a builder with Kubeflow's TFJob and PyTorchJob, the empty region, default write-behind options
     */
    public static Builder builder(KubernetesClient client, MetaStore store) {
        return new Builder(client, store);
    }

    /**
     * Starts the informers, waits until they have synced, then reconciles (D3).
     *
     * @return how many jobs and pods reconcile marked removed
     * @throws PersistException when the store cannot reconcile
     * @throws IllegalStateException when the informers do not sync within the timeout, or on a second start
     */
    public ReconcileResult start() {
        List<CompletableFuture<Void>> synced = startInformers();
        // not under the lock: close() from a shutdown hook must not wait for a slow first list
        awaitSync(synced);
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the controller was closed while it was starting");
            }
            ReconcileResult result = reconcile();
            LOG.info("controller started: watching Pods and {} in every namespace of region '{}'; reconcile marked {} jobs"
                    + " and {} pods removed", kinds, region, result.jobsMarkedRemoved(), result.podsMarkedRemoved());
            return result;
        }
    }

    private synchronized List<CompletableFuture<Void>> startInformers() {
        if (started) {
            throw new IllegalStateException("the controller was already started; build a new one to start again");
        }
        started = true;
        writeBehind = WriteBehindStore.wrap(store, writeBehindOptions);
        JobConverter jobConverter = JobConverter.forRegion(region);
        PodConverter podConverter = PodConverter.forRegion(region);

        List<CompletableFuture<Void>> synced = new ArrayList<>();
        podInformer = client.pods().inAnyNamespace().runnableInformer(0);
        podInformer.addEventHandler(new PodEventHandler(podConverter, writeBehind, clock, refused));
        synced.add(podInformer.start().toCompletableFuture());
        for (TrainingJobKind kind : kinds) {
            SharedIndexInformer<GenericKubernetesResource> informer =
                    client.genericKubernetesResources(kind.context()).inAnyNamespace().runnableInformer(0);
            informer.addEventHandler(new JobEventHandler(jobConverter, writeBehind, clock, refused));
            jobInformers.add(informer);
            synced.add(informer.start().toCompletableFuture());
        }
        return synced;
    }

    private void awaitSync(List<CompletableFuture<Void>> synced) {
        try {
            CompletableFuture.allOf(synced.toArray(CompletableFuture[]::new)).get(syncTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while the informers were listing", e);
        } catch (ExecutionException | TimeoutException e) {
            close();
            throw new IllegalStateException("the informers did not sync within " + syncTimeout + " (" + kinds
                    + " and Pods); is every job kind's CRD installed?", e);
        }
    }

    /**
     * D3 with the informers' caches as the live sets: they hold exactly what the
     * api-server listed, plus what was added since, so nothing live is marked removed.
     */
    private ReconcileResult reconcile() {
        if (!store.capabilities().contains(Capability.RECONCILE)) {
            LOG.warn("store '{}' cannot reconcile; deletions made while the controller was down stay unrecorded",
                    store.providerName());
            return new ReconcileResult(0, 0);
        }
        Instant now = clock.instant();
        Set<String> liveJobs = new HashSet<>();
        for (SharedIndexInformer<GenericKubernetesResource> informer : jobInformers) {
            uids(informer.getStore().list(), liveJobs);
        }
        Set<String> livePods = uids(podInformer.getStore().list(), new HashSet<>());
        Set<String> kindNames = new LinkedHashSet<>();
        kinds.forEach(kind -> kindNames.add(kind.kind()));
        int jobs = store.jobs().reconcile(region, kindNames, liveJobs, now);
        int pods = store.pods().reconcile(region, livePods, now);
        return new ReconcileResult(jobs, pods);
    }

    private static Set<String> uids(List<? extends HasMetadata> objects, Set<String> into) {
        objects.forEach(o -> into.add(o.getMetadata().getUid()));
        return into;
    }

    /**
     * Waits until every event received so far is written (or reported as failed).
     * Tests and one-shot tools use it; a running controller does not need it.
     */
    public void flush() {
        requireStarted().flush();
    }

    /** @return how many events were skipped because their object could not be converted */
    public long refusedEvents() {
        return refused.get();
    }

    /**
     * Stops the informers, then drains the pending writes within the drain timeout,
     * logging what could not be written in time. Idempotent.
     */
    @Override
    public synchronized void close() {
        CloseReport report = stop();
        if (!report.complete()) {
            LOG.warn("controller stopped with {} writes not done: {}", report.unwrittenCount(), report);
        }
    }

    /**
     * {@link #close()} that returns the drain's report.
     *
     * @return what could not be written within the drain timeout
     */
    public synchronized CloseReport stop() {
        if (closed) {
            return new CloseReport(List.of(), List.of());
        }
        closed = true;
        // informers first: no event may arrive after the drain began
        if (podInformer != null) {
            podInformer.close();
        }
        jobInformers.forEach(SharedIndexInformer::close);
        CloseReport report = writeBehind == null ? new CloseReport(List.of(), List.of()) : writeBehind.close(drainTimeout);
        LOG.info("controller stopped; {} events were skipped as unconvertible", refused.get());
        return report;
    }

    private WriteBehindStore requireStarted() {
        if (writeBehind == null) {
            throw new IllegalStateException("the controller is not started");
        }
        return writeBehind;
    }

    /**
     * What reconcile found at start-up.
     *
     * @param jobsMarkedRemoved jobs deleted while the controller was down
     * @param podsMarkedRemoved pods deleted while the controller was down
     */
    public record ReconcileResult(int jobsMarkedRemoved, int podsMarkedRemoved) {
    }

    /** Builder of a {@link JobMetadataController}. */
    public static final class Builder {
        private final KubernetesClient client;
        private final MetaStore store;
        private String region = "";
        private List<TrainingJobKind> kinds = TrainingJobKind.kubeflowDefaults();
        private WriteBehindOptions writeBehindOptions = WriteBehindOptions.builder().name("job-metadata-controller").build();
        private Duration syncTimeout = Duration.ofMinutes(2);
        private Duration drainTimeout = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();

        private Builder(KubernetesClient client, MetaStore store) {
            this.client = client;
            this.store = store;
        }

        /** @param v the deploy region this controller watches (StorageConfig.region()) @return this */
        public Builder region(String v) { region = v; return this; }
        /** @param v the job kinds to watch; each kind's CRD must be installed @return this */
        public Builder kinds(List<TrainingJobKind> v) { kinds = List.copyOf(v); return this; }
        /** @param v write-behind batching, retries and limits @return this */
        public Builder writeBehind(WriteBehindOptions v) { writeBehindOptions = Objects.requireNonNull(v); return this; }
        /** @param v how long start() waits for the informers' first list @return this */
        public Builder syncTimeout(Duration v) { syncTimeout = Objects.requireNonNull(v); return this; }
        /** @param v how long close() waits for pending writes @return this */
        public Builder drainTimeout(Duration v) { drainTimeout = Objects.requireNonNull(v); return this; }
        /** @param v the time of removals without a deletionTimestamp and of reconcile @return this */
        public Builder clock(Clock v) { clock = Objects.requireNonNull(v); return this; }

        /** @return a controller, not yet started */
        public JobMetadataController build() {
            return new JobMetadataController(this);
        }
    }
}
