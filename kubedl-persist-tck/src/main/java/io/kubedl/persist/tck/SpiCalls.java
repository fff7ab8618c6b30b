package io.kubedl.persist.tck;

import io.kubedl.persist.model.JobRecord;
import io.kubedl.persist.model.PodRecord;
import io.kubedl.persist.query.JobQuery;
import io.kubedl.persist.query.PodQuery;
import io.kubedl.persist.spi.Capability;
import io.kubedl.persist.spi.JobPersist;
import io.kubedl.persist.spi.PodPersist;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every method of the SPI's {@link JobPersist} and {@link PodPersist}, found by
 * reflection, with valid arguments made from their types. Rules that hold for every
 * method (P4 after close, V1 null arguments) call them all, so that a method added to
 * the SPI later is covered without anyone remembering to add it to a list.
 */
final class SpiCalls {

    private SpiCalls() {
    }

    /**
     * @param spi {@code JobPersist.class} or {@code PodPersist.class}
     * @return its public instance methods, in a stable order
     */
    static List<Method> methodsOf(Class<?> spi) {
        return Arrays.stream(spi.getMethods()).filter(m -> !Modifier.isStatic(m.getModifiers()))
                .sorted(Comparator.comparing(Method::getName).thenComparing(m -> Arrays.toString(m.getParameterTypes())))
                .toList();
    }

    /**
     * @param method an SPI method
     * @return the optional capability the method belongs to, if any
     */
    static Optional<Capability> capabilityOf(Method method) {
        return switch (method.getName()) {
            case "count" -> Optional.of(Capability.COUNT);
            case "reconcile" -> Optional.of(Capability.RECONCILE);
            case "purge" -> Optional.of(Capability.PURGE);
            default -> Optional.empty();
        };
    }

    /**
     * @param method an SPI method
     * @return how a message names it, e.g. {@code JobPersist.markRemovedAll(keys, removedAt)}
     */
    static String describe(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName() + "("
                + String.join(", ", Arrays.stream(method.getParameters()).map(Parameter::getName).toList()) + ")";
    }

    /**
     * Valid arguments for a call: identities of the given records, an instant inside
     * every store's range, an empty live set, one watched kind, queries without filters.
     *
     * @param method an SPI method
     * @param job a job whose identity the arguments use
     * @param pod a pod whose identity the arguments use
     * @return one argument per parameter
     */
    static Object[] validArguments(Method method, JobRecord job, PodRecord pod) {
        Parameter[] parameters = method.getParameters();
        Object[] args = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            args[i] = valid(method, parameters[i], job, pod);
        }
        return args;
    }

    /**
     * Calls the method and unwraps what it threw.
     *
     * @param method an SPI method
     * @param target the store's jobs() or pods()
     * @param args the arguments
     * @return what the method returned
     * @throws Throwable what the method threw
     */
    static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Object valid(Method method, Parameter parameter, JobRecord job, PodRecord pod) {
        Class<?> type = parameter.getType();
        String name = parameter.getName();
        if (type == JobRecord.class) {
            return job;
        } else if (type == PodRecord.class) {
            return pod;
        } else if (type == io.kubedl.persist.model.JobKey.class) {
            return job.key();
        } else if (type == io.kubedl.persist.model.PodKey.class) {
            return pod.key();
        } else if (type == Instant.class) {
            return job.gmtCreated().plusSeconds(10);
        } else if (type == JobQuery.class) {
            return JobQuery.builder().build();
        } else if (type == PodQuery.class) {
            return PodQuery.builder().build();
        } else if (type == String.class) {
            return switch (name) {
                case "namespace" -> job.namespace();
                case "name" -> job.name();
                case "kind" -> job.kind();
                default -> "";
            };
        } else if (type == Set.class) {
            return name.equals("kinds") ? Set.of(job.kind()) : Set.of();
        } else if (type == List.class) {
            Type element = ((ParameterizedType) parameter.getParameterizedType()).getActualTypeArguments()[0];
            if (element == JobRecord.class) {
                return List.of(job);
            } else if (element == PodRecord.class) {
                return List.of(pod);
            } else if (element == io.kubedl.persist.model.JobKey.class) {
                return List.of(job.key());
            } else if (element == io.kubedl.persist.model.PodKey.class) {
                return List.of(pod.key());
            }
        }
        throw new IllegalStateException("the TCK cannot make an argument " + name + " of type " + parameter.getParameterizedType()
                + " for " + describe(method) + "; this TCK is older than the SPI on the class path");
    }
}
