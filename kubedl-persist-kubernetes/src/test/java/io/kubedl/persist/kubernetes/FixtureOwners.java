package io.kubedl.persist.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.List;
import java.util.Optional;

/** An {@link OwnerLookup} that answers from the owner fixtures (fixtures/owners), as a controller's Job informer cache would. */
final class FixtureOwners {
    /** The controllers of the batch Jobs in fixtures/owners. */
    static final OwnerLookup LOOKUP = FixtureOwners::controllerOf;
    private static final List<GenericKubernetesResource> OWNERS = Fixtures.list("owners").stream().map(Fixtures::job).toList();

    private FixtureOwners() {
    }

    private static Optional<OwnerReference> controllerOf(String namespace, OwnerReference owner) {
        return OWNERS.stream()
                .filter(job -> namespace.equals(job.getMetadata().getNamespace()))
                .filter(job -> owner.getName().equals(job.getMetadata().getName()))
                .filter(job -> owner.getUid().equals(job.getMetadata().getUid()))
                .flatMap(job -> job.getMetadata().getOwnerReferences().stream())
                .filter(reference -> Boolean.TRUE.equals(reference.getController()))
                .findFirst();
    }
}
