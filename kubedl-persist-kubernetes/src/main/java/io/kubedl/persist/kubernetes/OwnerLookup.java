package io.kubedl.persist.kubernetes;

import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.Optional;

/**
 * Finds the controller of an object that controls a pod but is not itself the training job.
 * mpi-operator v2beta1 runs its launcher as a {@code batch/v1} Job that the MPIJob controls, so
 * the launcher pod names only that Job; a controller that stores launcher pods answers, from
 * its Job informer's cache, which MPIJob controls that Job.
 *
 * <pre>{@code
 * OwnerLookup lookup = (namespace, owner) -> Optional.ofNullable(jobs.getIndexer().getByKey(namespace + "/" + owner.getName()))
 *         .filter(job -> owner.getUid().equals(job.getMetadata().getUid()))
 *         .flatMap(job -> job.getMetadata().getOwnerReferences().stream()
 *                 .filter(reference -> Boolean.TRUE.equals(reference.getController())).findFirst());
 * PodConverter pods = PodConverter.forRegion(region).withOwnerLookup(lookup);
 * }</pre>
 */
@FunctionalInterface
public interface OwnerLookup {
    /**
     * @param namespace the pod's namespace
     * @param owner the pod's controller reference, e.g. to the {@code batch/v1} Job {@code pi-launcher}
     * @return the controller reference of that owner (e.g. to the MPIJob), or empty when it is unknown
     *         (not in the cache yet): the pod is then skipped until its next event
     */
    Optional<OwnerReference> controllerOf(String namespace, OwnerReference owner);
}
