package eu.koopera.helm;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Every value set renders valid Kubernetes objects, and every pod it runs is locked down. */
class RenderedObjectsTest {

    private static final Map<ValueSet, Map<String, Long>> COUNTS = new TreeMap<>();

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void everyRenderedDocumentIsAValidKubernetesObject(ValueSet values) {
        Manifest manifest = Chart.render(values);

        assertThat(manifest.documents()).isNotEmpty();
        for (JsonNode document : manifest.documents()) {
            assertThatCode(() -> KubernetesObjects.read(document)).doesNotThrowAnyException();
            assertThat(document.path("metadata").path("labels").path("app.kubernetes.io/instance").asText())
                    .as("instance label of %s", document.path("kind"))
                    .isEqualTo(Chart.RELEASE);
        }
        COUNTS.put(values, manifest.countsByKind());
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void everyWorkloadIsLockedDown(ValueSet values) {
        List<HasMetadata> workloads = Chart.render(values).documents().stream()
                .map(KubernetesObjects::read)
                .filter(WorkloadSecurity::isWorkload)
                .toList();

        assertThat(workloads).extracting(HasMetadata::getKind).contains("Deployment", "Job", "Pod");
        assertThat(workloads).flatExtracting(WorkloadSecurity::findings).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void noPodRunsOutsideTheCheckedWorkloadKinds(ValueSet values) {
        assertThat(Chart.render(values).countsByKind().keySet())
                .doesNotContainAnyElementsOf(Set.of("StatefulSet", "DaemonSet", "ReplicaSet", "CronJob"));
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void networkPolicyIsRenderedWhileEnabled(ValueSet values) {
        assertThat(Chart.render(values).ofKind("NetworkPolicy")).hasSize(1);
        assertThat(Chart.render(values, Map.of("networkPolicy.enabled", "false")).ofKind("NetworkPolicy")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void serviceIngressAndBudgetsPointAtTheServerPods(ValueSet values) {
        Manifest manifest = Chart.render(values);
        JsonNode deployment = manifest.only("Deployment");
        JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
        Set<String> containerPorts = deployment.at("/spec/template/spec/containers/0/ports").valueStream()
                .map(port -> port.path("name").asText()).collect(Collectors.toSet());
        JsonNode service = manifest.only("Service");

        assertThat(selects(deployment.at("/spec/selector/matchLabels"), podLabels)).isTrue();
        assertThat(selects(service.at("/spec/selector"), podLabels)).isTrue();
        assertThat(service.at("/spec/ports").valueStream().map(port -> port.path("targetPort").asText()))
                .allMatch(containerPorts::contains);
        Set<String> servicePorts = service.at("/spec/ports").valueStream()
                .map(port -> port.path("name").asText()).collect(Collectors.toSet());
        manifest.ofKind("Ingress").forEach(ingress -> ingress.at("/spec/rules").valueStream()
                .flatMap(rule -> rule.at("/http/paths").valueStream())
                .forEach(path -> {
                    assertThat(path.at("/backend/service/name").asText()).isEqualTo(service.at("/metadata/name").asText());
                    assertThat(servicePorts).contains(path.at("/backend/service/port/name").asText());
                }));
        manifest.ofKind("PodDisruptionBudget").forEach(budget ->
                assertThat(selects(budget.at("/spec/selector/matchLabels"), podLabels)).isTrue());
        manifest.ofKind("HorizontalPodAutoscaler").forEach(autoscaler ->
                assertThat(autoscaler.at("/spec/scaleTargetRef/name").asText())
                        .isEqualTo(deployment.at("/metadata/name").asText()));
    }

    @AfterAll
    static void recordObjectCounts() throws IOException {
        String report = COUNTS.entrySet().stream()
                .map(entry -> entry.getKey() + ": " + entry.getValue().values().stream().mapToLong(Long::longValue).sum()
                        + " objects " + entry.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
        Path target = Path.of("target", "rendered-objects.txt");
        Files.createDirectories(target.getParent());
        Files.writeString(target, report);
        System.out.print(report);
    }

    private static boolean selects(JsonNode selector, JsonNode labels) {
        return !selector.isEmpty() && selector.properties().stream()
                .allMatch(entry -> entry.getValue().asText().equals(labels.path(entry.getKey()).asText()));
    }
}
