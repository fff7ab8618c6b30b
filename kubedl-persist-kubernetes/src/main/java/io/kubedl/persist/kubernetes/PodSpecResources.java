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
        // the same fold, in the same order, as KubeDL's computePodResources (quota.Max over the
        // init containers, quota.Add over the containers, then quota.Max of both), so that equal
        // values keep the spelling KubeDL's Go code keeps; sidecars as Kubernetes' resource helper adds them
        Map<String, KubernetesQuantity> sidecars = new HashMap<>();
        Map<String, KubernetesQuantity> initPeak = new HashMap<>();
        ObjectTree inits = podSpec.get("initContainers");
        for (int i = 0; i < inits.size(); i++) {
            ObjectTree init = inits.get(i);
            Map<String, KubernetesQuantity> own = quantities(init.get("resources").get(kind));
            if ("Always".equals(init.get("restartPolicy").text())) {
                sidecars = add(sidecars, own);
                initPeak = max(initPeak, sidecars);
            } else {
                initPeak = max(initPeak, add(own, sidecars));
            }
        }
        Map<String, KubernetesQuantity> containers = new HashMap<>();
        ObjectTree list = podSpec.get("containers");
        for (int i = 0; i < list.size(); i++) {
            containers = add(containers, quantities(list.get(i).get("resources").get(kind)));
        }
        Map<String, KubernetesQuantity> need = max(initPeak, add(containers, sidecars));
        SortedMap<String, String> rendered = new TreeMap<>();
        need.forEach((name, quantity) -> rendered.put(name, quantity.toString()));
        return rendered;
    }

    private static Map<String, KubernetesQuantity> quantities(ObjectTree resourceList) {
        Map<String, KubernetesQuantity> result = new HashMap<>();
        if (!resourceList.isObject()) {
            return result;
        }
        resourceList.node().fieldNames().forEachRemaining(name -> {
            ObjectTree amount = resourceList.get(name);
            String text = amount.text();
            if (text != null) {
                result.put(name, KubernetesQuantity.parse(text, amount.path()));
            }
        });
        return result;
    }

    /** apiserver's quota.Add: each resource of {@code a} plus the same of {@code b}; the others copied. */
    private static Map<String, KubernetesQuantity> add(Map<String, KubernetesQuantity> a, Map<String, KubernetesQuantity> b) {
        Map<String, KubernetesQuantity> result = new HashMap<>();
        a.forEach((name, quantity) -> result.put(name, b.containsKey(name) ? quantity.plus(b.get(name)) : quantity));
        b.forEach(result::putIfAbsent);
        return result;
    }

    /** apiserver's quota.Max: per resource the larger, {@code b} on equal values; the others copied. */
    private static Map<String, KubernetesQuantity> max(Map<String, KubernetesQuantity> a, Map<String, KubernetesQuantity> b) {
        Map<String, KubernetesQuantity> result = new HashMap<>();
        a.forEach((name, quantity) -> result.put(name, b.containsKey(name) ? quantity.max(b.get(name)) : quantity));
        b.forEach(result::putIfAbsent);
        return result;
    }
}
