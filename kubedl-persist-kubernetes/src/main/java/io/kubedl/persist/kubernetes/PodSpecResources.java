package io.kubedl.persist.kubernetes;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Computes what a pod spec needs, for requests and limits separately, the way the
 * scheduler sees it: the maximum of the largest init container and the sum of the
 * containers. Init containers with {@code restartPolicy: Always} are sidecars (Kubernetes
 * 1.29+): they keep running, so they add to the containers' sum and to every init
 * container started after them.
 */
final class PodSpecResources {
    private PodSpecResources() {
    }

    /**
     * @param podSpec a pod spec ({@code spec} of a pod, {@code template.spec} of a replica); may be absent
     * @return what the pod needs; empty maps when the spec declares nothing
     */
    static PodResources of(ObjectTree podSpec) {
        return new PodResources(need(podSpec, "requests"), need(podSpec, "limits"));
    }

    private static SortedMap<String, String> need(ObjectTree podSpec, String kind) {
        Map<String, CanonicalQuantity> sidecars = new HashMap<>();
        Map<String, CanonicalQuantity> initPeak = new HashMap<>();
        ObjectTree inits = podSpec.get("initContainers");
        for (int i = 0; i < inits.size(); i++) {
            ObjectTree init = inits.get(i);
            Map<String, CanonicalQuantity> own = quantities(init.get("resources").get(kind));
            if ("Always".equals(init.get("restartPolicy").text())) {
                addAll(sidecars, own);
                maxAll(initPeak, sidecars);
            } else {
                Map<String, CanonicalQuantity> running = new HashMap<>(sidecars);
                addAll(running, own);
                maxAll(initPeak, running);
            }
        }
        Map<String, CanonicalQuantity> steady = new HashMap<>(sidecars);
        ObjectTree containers = podSpec.get("containers");
        for (int i = 0; i < containers.size(); i++) {
            addAll(steady, quantities(containers.get(i).get("resources").get(kind)));
        }
        maxAll(steady, initPeak);
        SortedMap<String, String> rendered = new TreeMap<>();
        steady.forEach((name, quantity) -> rendered.put(name, quantity.toString()));
        return rendered;
    }

    private static Map<String, CanonicalQuantity> quantities(ObjectTree resourceList) {
        Map<String, CanonicalQuantity> result = new HashMap<>();
        if (!resourceList.isObject()) {
            return result;
        }
        resourceList.node().fieldNames().forEachRemaining(name -> {
            ObjectTree amount = resourceList.get(name);
            String text = amount.text();
            if (text != null) {
                result.put(name, CanonicalQuantity.parse(text, amount.path()));
            }
        });
        return result;
    }

    private static void addAll(Map<String, CanonicalQuantity> into, Map<String, CanonicalQuantity> more) {
        more.forEach((name, quantity) -> into.merge(name, quantity, CanonicalQuantity::plus));
    }

    private static void maxAll(Map<String, CanonicalQuantity> into, Map<String, CanonicalQuantity> other) {
        other.forEach((name, quantity) -> into.merge(name, quantity, CanonicalQuantity::max));
    }
}
