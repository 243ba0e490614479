package eu.koopera.helm;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The object reader of {@link RenderedObjectsTest} turns away what an API server would drop or refuse. */
class KubernetesObjectsTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: koopera}
            spec:
              replicas: %s
              selector: {matchLabels: {app: koopera}}
              template:
                metadata: {labels: {app: koopera}}
                spec:
                  containers:
                    - name: koopera
                      image: koopera
                      %s: {readOnlyRootFilesystem: true}
            """;

    @Test
    void readsAValidDeploymentAsItsType() {
        assertThat(KubernetesObjects.read(Manifest.parse(DEPLOYMENT.formatted("2", "securityContext")).only("Deployment")))
                .isInstanceOf(Deployment.class);
    }

    @Test
    void rejectsMisspeltField() {
        assertThatThrownBy(() -> KubernetesObjects.read(
                Manifest.parse(DEPLOYMENT.formatted("2", "securityContex")).only("Deployment")))
                .hasMessageContaining("securityContex");
    }

    @Test
    void rejectsValueOfTheWrongType() {
        assertThatThrownBy(() -> KubernetesObjects.read(
                Manifest.parse(DEPLOYMENT.formatted("\"two\"", "securityContext")).only("Deployment")))
                .hasMessageContaining("Deployment/koopera");
    }

    @Test
    void rejectsCustomResourceOfUnknownKind() {
        assertThatThrownBy(() -> KubernetesObjects.read(Manifest.parse("""
                apiVersion: example.com/v1
                kind: Widget
                metadata: {name: w}
                spec: {size: 1}
                """).only("Widget"))).hasMessageContaining("unknown kind");
    }
}
