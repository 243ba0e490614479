package eu.koopera.helm;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import static java.lang.Boolean.FALSE;
import static java.lang.Boolean.TRUE;

/**
 * The security settings every pod of the chart must have. Each finding names the object and the container, so
 * a failing test says what to fix.
 */
final class WorkloadSecurity {

    private WorkloadSecurity() {
    }

    /** Whether the object runs pods; the chart renders no other pod-running kinds. */
    static boolean isWorkload(HasMetadata object) {
        return object instanceof Deployment || object instanceof Job || object instanceof Pod;
    }

    /** What the workload lacks; empty when it is locked down. */
    static List<String> findings(HasMetadata workload) {
        PodSpec pod = switch (workload) {
            case Deployment deployment -> deployment.getSpec().getTemplate().getSpec();
            case Job job -> job.getSpec().getTemplate().getSpec();
            case Pod plain -> plain.getSpec();
            default -> throw new IllegalArgumentException("Not a workload: " + workload.getKind());
        };
        String where = workload.getKind() + "/" + workload.getMetadata().getName();
        List<String> findings = new ArrayList<>();
        if (!FALSE.equals(pod.getAutomountServiceAccountToken())) {
            findings.add(where + ": automountServiceAccountToken is not false");
        }
        if (TRUE.equals(pod.getHostNetwork()) || TRUE.equals(pod.getHostPID()) || TRUE.equals(pod.getHostIPC())) {
            findings.add(where + ": shares a host namespace");
        }
        PodSecurityContext podContext = Optional.ofNullable(pod.getSecurityContext()).orElseGet(PodSecurityContext::new);
        Stream.concat(pod.getInitContainers().stream(), pod.getContainers().stream()).forEach(container ->
                findings.addAll(containerFindings(where + " container " + container.getName(), container,
                        podContext, workload instanceof Deployment)));
        return findings;
    }

    private static List<String> containerFindings(String where, Container container, PodSecurityContext pod,
                                                  boolean longRunning) {
        List<String> findings = new ArrayList<>();
        SecurityContext context = Optional.ofNullable(container.getSecurityContext()).orElseGet(SecurityContext::new);
        if (!TRUE.equals(either(context.getRunAsNonRoot(), pod.getRunAsNonRoot()))) {
            findings.add(where + ": runAsNonRoot is not true");
        }
        Long user = either(context.getRunAsUser(), pod.getRunAsUser());
        if (user != null && user == 0) {
            findings.add(where + ": runs as root (uid 0)");
        }
        if (TRUE.equals(context.getPrivileged())) {
            findings.add(where + ": privileged");
        }
        if (!TRUE.equals(context.getReadOnlyRootFilesystem())) {
            findings.add(where + ": readOnlyRootFilesystem is not true");
        }
        if (!FALSE.equals(context.getAllowPrivilegeEscalation())) {
            findings.add(where + ": allowPrivilegeEscalation is not false");
        }
        List<String> dropped = Optional.ofNullable(context.getCapabilities()).map(Capabilities::getDrop).orElse(List.of());
        if (!dropped.contains("ALL")) {
            findings.add(where + ": capabilities do not drop ALL");
        }
        SeccompProfile seccomp = either(context.getSeccompProfile(), pod.getSeccompProfile());
        if (seccomp == null || !"RuntimeDefault".equals(seccomp.getType())) {
            findings.add(where + ": seccompProfile is not RuntimeDefault");
        }
        ResourceRequirements resources = Optional.ofNullable(container.getResources()).orElseGet(ResourceRequirements::new);
        Map<String, ?> requests = Objects.requireNonNullElse(resources.getRequests(), Map.of());
        Map<String, ?> limits = Objects.requireNonNullElse(resources.getLimits(), Map.of());
        if (!requests.containsKey("cpu") || !requests.containsKey("memory") || !limits.containsKey("memory")) {
            findings.add(where + ": resources lack requests.cpu, requests.memory or limits.memory");
        }
        if (longRunning) {
            if (container.getStartupProbe() == null) {
                findings.add(where + ": no startupProbe");
            }
            if (container.getLivenessProbe() == null) {
                findings.add(where + ": no livenessProbe");
            }
            if (container.getReadinessProbe() == null) {
                findings.add(where + ": no readinessProbe");
            }
        }
        return findings;
    }

    /** The container's setting, else the pod's: a container setting overrides the pod's. */
    private static <T> T either(T container, T pod) {
        return container != null ? container : pod;
    }
}
