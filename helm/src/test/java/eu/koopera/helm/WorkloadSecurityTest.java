package eu.koopera.helm;

import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The security checker of {@link RenderedObjectsTest} reports each setting the chart's values take away. */
class WorkloadSecurityTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "securityContext.readOnlyRootFilesystem, false, readOnlyRootFilesystem is not true",
            "securityContext.allowPrivilegeEscalation, true, allowPrivilegeEscalation is not false",
            "securityContext.capabilities.drop, null, capabilities do not drop ALL",
            "podSecurityContext.seccompProfile, null, seccompProfile is not RuntimeDefault",
            "securityContext.runAsNonRoot, false, runAsNonRoot is not true",
            "resources.requests, null, resources lack",
    })
    void reportsSettingRemovedFromEveryWorkload(String value, String setting, String finding) {
        List<HasMetadata> workloads = workloads(Map.of(value, setting));

        assertThat(workloads).extracting(HasMetadata::getKind).containsExactlyInAnyOrder("Deployment", "Job", "Pod", "Pod");
        // two helm test Pods: the connection test and the metrics scrape test
        workloads.stream()
                // the test Pod's resources are fixed in its template, not taken from values
                .filter(workload -> !value.startsWith("resources") || !"Pod".equals(workload.getKind()))
                .forEach(workload -> assertThat(WorkloadSecurity.findings(workload))
                        .as("%s with %s=%s", workload.getKind(), value, setting)
                        .anyMatch(line -> line.contains(finding)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"startupProbe", "livenessProbe", "readinessProbe"})
    void reportsServerWithoutProbe(String probe) {
        HasMetadata deployment = workloads(Map.of(probe + ".enabled", "false")).stream()
                .filter(workload -> "Deployment".equals(workload.getKind())).findFirst().orElseThrow();

        assertThat(WorkloadSecurity.findings(deployment)).anyMatch(line -> line.endsWith("no " + probe));
    }

    @Test
    void acceptsRunAsNonRootSetOnTheContainerOnly() {
        assertThat(workloads(Map.of("podSecurityContext.runAsNonRoot", "false")))
                .flatExtracting(WorkloadSecurity::findings).isEmpty();
    }

    private static List<HasMetadata> workloads(Map<String, String> overrides) {
        return Chart.render(ValueSet.DEFAULT, overrides).documents().stream()
                .map(KubernetesObjects::read)
                .filter(WorkloadSecurity::isWorkload)
                .toList();
    }
}
