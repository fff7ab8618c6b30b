/**
 * Converters from fabric8 Kubernetes objects to records: {@link io.kubedl.persist.kubernetes.JobConverter}
 * for every KubeDL and Kubeflow training job kind (and any kind whose spec holds a
 * {@code *ReplicaSpecs} map), {@link io.kubedl.persist.kubernetes.PodConverter} for their pods, and
 * {@link io.kubedl.persist.kubernetes.ResourcesJson}, the resources column as KubeDL's Go code writes it.
 *
 * <p>Converters are pure functions: they never mutate the object they read, tolerate
 * missing optional fields, and report a wrong or missing required field with an
 * {@link io.kubedl.persist.InvalidRecordException} whose field is the path in the object,
 * e.g. {@code metadata.uid}; a malformed optional field (the tenancy annotation) is left out
 * and counted instead. This module needs fabric8 {@code kubernetes-model-core} and
 * {@code jackson-databind}; storage plugins never depend on it.
 */
package io.kubedl.persist.kubernetes;
