package io.kubedl.persist.kubernetes;

import java.util.List;
import java.util.Map;

/**
 * Picks the main container of a training pod: the one with the default container name of
 * the framework that owns it, else any known framework's default name, else the first.
 * The names are the operators' defaults (KubeDL and Kubeflow training-operator); a user
 * who renames the main container gets the first container.
 */
final class MainContainer {
    /** Owner kind to the default container names its operators use, most likely first. */
    static final Map<String, List<String>> DEFAULT_NAMES = Map.ofEntries(
            Map.entry("TFJob", List.of("tensorflow")),
            Map.entry("PyTorchJob", List.of("pytorch")),
            Map.entry("XGBoostJob", List.of("xgboostjob", "xgboost")),
            Map.entry("XDLJob", List.of("xdl")),
            Map.entry("MarsJob", List.of("mars")),
            Map.entry("MPIJob", List.of("mpi")),
            Map.entry("ElasticBatchJob", List.of("elasticbatch")),
            Map.entry("PaddleJob", List.of("paddle")),
            Map.entry("MXJob", List.of("mxnet")),
            Map.entry("JAXJob", List.of("jax")));
    private static final List<String> ANY_KNOWN = List.of("tensorflow", "pytorch", "xgboostjob", "xgboost", "xdl",
            "mars", "mpi", "elasticbatch", "paddle", "mxnet", "jax");

    private MainContainer() {
    }

    /**
     * @param containers {@code spec.containers}
     * @param ownerKind the kind of the controlling owner, or null
     * @return the main container, absent when there are no containers
     */
    static ObjectTree pick(ObjectTree containers, String ownerKind) {
        List<String> preferred = ownerKind == null ? List.of() : DEFAULT_NAMES.getOrDefault(ownerKind, List.of());
        for (List<String> names : List.of(preferred, ANY_KNOWN)) {
            for (String name : names) {
                for (int i = 0; i < containers.size(); i++) {
                    if (name.equals(containers.get(i).get("name").text())) {
                        return containers.get(i);
                    }
                }
            }
        }
        return containers.get(0);
    }
}
