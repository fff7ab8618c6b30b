package io.kubedl.persist.examples.controller;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;

/**
 * A custom resource kind of training job the controller watches, read as
 * {@code GenericKubernetesResource} so that no generated model class is needed.
 *
 * @param group API group, e.g. {@code kubeflow.org}
 * @param version API version, e.g. {@code v1}
 * @param kind kind, e.g. {@code TFJob}
 * @param plural resource name in URLs, e.g. {@code tfjobs}
 */
public record TrainingJobKind(String group, String version, String kind, String plural) {
    /** Kubeflow training-operator's TFJob. */
    public static final TrainingJobKind TF_JOB = new TrainingJobKind("kubeflow.org", "v1", "TFJob", "tfjobs");
    /** Kubeflow training-operator's PyTorchJob. */
    public static final TrainingJobKind PYTORCH_JOB = new TrainingJobKind("kubeflow.org", "v1", "PyTorchJob", "pytorchjobs");
    /** Kubeflow training-operator's XGBoostJob. */
    public static final TrainingJobKind XGBOOST_JOB = new TrainingJobKind("kubeflow.org", "v1", "XGBoostJob", "xgboostjobs");
    /** KubeDL's TFJob. */
    public static final TrainingJobKind KUBEDL_TF_JOB = new TrainingJobKind("training.kubedl.io", "v1alpha1", "TFJob", "tfjobs");
    /** KubeDL's PyTorchJob. */
    public static final TrainingJobKind KUBEDL_PYTORCH_JOB =
            new TrainingJobKind("training.kubedl.io", "v1alpha1", "PyTorchJob", "pytorchjobs");

    /** @return TFJob and PyTorchJob of Kubeflow, the kinds most clusters have installed */
    public static List<TrainingJobKind> kubeflowDefaults() {
        return List.of(TF_JOB, PYTORCH_JOB);
    }

    /** @return the context fabric8 needs to address this kind generically */
    public ResourceDefinitionContext context() {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
                .withPlural(plural).withNamespaced(true).build();
    }

    @Override
    public String toString() {
        return kind + "." + group + "/" + version;
    }
}
