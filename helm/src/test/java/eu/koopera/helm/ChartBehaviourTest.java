package eu.koopera.helm;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the chart deploys: production settings, the migration hook, routing, scaling and the database. */
class ChartBehaviourTest {

    @AfterEach
    void forgetClusterState() {
        Chart.CLUSTER.clear();
    }

    @Test
    void serverRunsInProductionAndOnlyChecksSchemas() {
        Manifest manifest = Chart.render(ValueSet.DEFAULT);
        JsonNode config = manifest.only("ConfigMap").path("data");

        assertThat(config.path("MICRONAUT_ENVIRONMENTS").asText()).isEqualTo("prod");
        assertThat(config.path("KOOPERA_API_PORT").asText()).isEqualTo("8081");
        assertThat(config.path("KOOPERA_UI_PORT").asText()).isEqualTo("8080");
        assertThat(config.path("KOOPERA_DATA_DIR").asText()).isEqualTo("/tmp/koopera");
        assertThat(config.path("KOOPERA_LOG_FORMAT").asText()).isEqualTo("json");
        assertThat(config.path("DATASOURCES_DEFAULT_URL").asText()).isEqualTo("jdbc:postgresql://postgresql:5432/koopera");
        assertThat(env(server(manifest), "KOOPERA_MIGRATIONS_MODE").path("value").asText()).isEqualTo("CHECK");
    }

    @Test
    void migrationJobRunsBeforeInstallAndUpgradeAfterItsSecret() {
        Manifest manifest = Chart.render(ValueSet.DEFAULT);
        JsonNode job = manifest.only("Job");
        JsonNode secret = manifest.only("Secret");

        assertThat(hook(job, "")).isEqualTo("pre-install,pre-upgrade");
        assertThat(hook(secret, "")).contains("pre-install", "pre-upgrade");
        assertThat(Integer.parseInt(hook(secret, "-weight"))).isLessThan(Integer.parseInt(hook(job, "-weight")));
        JsonNode container = job.at("/spec/template/spec/containers/0");
        assertThat(container.path("args").get(0).asText()).isEqualTo("migrate");
        assertThat(container.path("image").asText()).isEqualTo(server(manifest).path("image").asText());
        assertThat(env(container, "MICRONAUT_ENVIRONMENTS").path("value").asText()).isEqualTo("prod");
        assertThat(secretRef(env(container, "KOOPERA_JWT_SECRET"))).isEqualTo(secret.at("/metadata/name").asText());
        assertThat(job.at("/spec/template/spec/serviceAccountName").isMissingNode())
                .as("the chart's ServiceAccount does not exist before install").isTrue();
    }

    @Test
    void existingSecretsReplaceTheChartSecret() {
        Manifest manifest = Chart.render(ValueSet.EXTERNAL_DB);

        assertThat(manifest.ofKind("Secret")).isEmpty();
        for (JsonNode container : List.of(server(manifest), manifest.only("Job").at("/spec/template/spec/containers/0"))) {
            assertThat(secretRef(env(container, "KOOPERA_JWT_SECRET"))).isEqualTo("koopera-keys");
            assertThat(secretRef(env(container, "KOOPERA_MAIL_SMTP_PASSWORD"))).isEqualTo("koopera-keys");
            assertThat(secretRef(env(container, "DATASOURCES_DEFAULT_PASSWORD"))).isEqualTo("koopera-db");
        }
        assertThat(manifest.only("ConfigMap").at("/data/KOOPERA_MAIL_SMTP_HOST").asText()).isEqualTo("smtp.koopera.example");
    }

    @Test
    void upgradeKeepsGeneratedKeysOfTheCurrentSecret() {
        Chart.CLUSTER.putSecret(Chart.NAMESPACE, "koopera",
                Map.of("KOOPERA_JWT_SECRET", "k".repeat(64), "KOOPERA_ADMIN_PASSWORD", "first-password"));

        JsonNode data = Chart.render(ValueSet.DEFAULT, Map.of()).only("Secret").path("data");

        assertThat(decode(data.path("KOOPERA_JWT_SECRET"))).isEqualTo("k".repeat(64));
        assertThat(decode(data.path("KOOPERA_ADMIN_PASSWORD"))).isEqualTo("first-password");
    }

    @Test
    void generatesSigningKeyLongEnoughForHs256() {
        assertThat(decode(Chart.render(ValueSet.DEFAULT).only("Secret").at("/data/KOOPERA_JWT_SECRET"))).hasSize(64);
    }

    @Test
    void cloudNativePgClusterFeedsTheDatabaseSettings() {
        Manifest manifest = Chart.render(ValueSet.CLOUDNATIVEPG);
        JsonNode cluster = manifest.only("Cluster");
        String name = cluster.at("/metadata/name").asText();
        JsonNode server = server(manifest);

        assertThat(cluster.path("apiVersion").asText()).isEqualTo("postgresql.cnpg.io/v1");
        assertThat(cluster.at("/spec/instances").asInt()).isEqualTo(2);
        assertThat(cluster.at("/spec/storage/size").asText()).isEqualTo("20Gi");
        assertThat(manifest.only("ConfigMap").at("/data/DATASOURCES_DEFAULT_URL").asText())
                .isEqualTo("jdbc:postgresql://" + name + "-rw:5432/koopera");
        assertThat(secretRef(env(server, "DATASOURCES_DEFAULT_USERNAME"))).isEqualTo(name + "-app");
        assertThat(secretRef(env(server, "DATASOURCES_DEFAULT_PASSWORD"))).isEqualTo(name + "-app");
        assertThat(env(server, "DATASOURCES_DEFAULT_PASSWORD").at("/valueFrom/secretKeyRef/key").asText()).isEqualTo("password");
    }

    @Test
    void cloudNativePgInstallLetsTheServerMigrateTheNewDatabase() {
        Manifest manifest = Chart.render(ValueSet.CLOUDNATIVEPG);

        assertThat(env(server(manifest), "KOOPERA_MIGRATIONS_MODE").path("value").asText()).isEqualTo("RUN");
        assertThat(hook(manifest.only("Job"), "")).isEqualTo("pre-upgrade");
    }

    @Test
    void ingressSendsApiToTheApiPortAndEverythingElseToTheUi() {
        JsonNode ingress = Chart.render(ValueSet.EXTERNAL_DB).only("Ingress");

        assertThat(ingress.at("/spec/rules").valueStream().map(rule -> rule.path("host").asText()))
                .containsExactly("koopera.example", "*.koopera.example");
        ingress.at("/spec/rules").valueStream().forEach(rule -> {
            Map<String, String> ports = new TreeMap<>();
            rule.at("/http/paths").valueStream().forEach(path ->
                    ports.put(path.path("path").asText(), path.at("/backend/service/port/name").asText()));
            assertThat(ports).containsExactlyInAnyOrderEntriesOf(Map.of("/api", "http-api", "/", "http-ui"));
        });
        JsonNode annotations = ingress.at("/metadata/annotations");
        assertThat(annotations.path("nginx.ingress.kubernetes.io/affinity").asText()).isEqualTo("cookie");
        assertThat(annotations.path("nginx.ingress.kubernetes.io/session-cookie-secure").asText()).isEqualTo("true");
        assertThat(annotations.path("nginx.ingress.kubernetes.io/proxy-body-size").asText()).isEqualTo("5m");
    }

    @Test
    void probesUseTheHealthEndpointsOfTheApiPort() {
        JsonNode server = server(Chart.render(ValueSet.DEFAULT));

        assertThat(server.at("/startupProbe/httpGet/path").asText()).isEqualTo("/health/liveness");
        assertThat(server.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/health/liveness");
        assertThat(server.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/health/readiness");
        assertThat(List.of("startupProbe", "livenessProbe", "readinessProbe"))
                .allMatch(probe -> "http-api".equals(server.at("/" + probe + "/httpGet/port").asText()));
    }

    @Test
    void highAvailabilityScalesWithTheAutoscalerAndSurvivesDrains() {
        Manifest manifest = Chart.render(ValueSet.HA);
        JsonNode autoscaler = manifest.only("HorizontalPodAutoscaler");

        assertThat(manifest.only("Deployment").at("/spec/replicas").isMissingNode())
                .as("the autoscaler owns the replica count").isTrue();
        assertThat(autoscaler.path("apiVersion").asText()).isEqualTo("autoscaling/v2");
        assertThat(autoscaler.at("/spec/minReplicas").asInt()).isEqualTo(3);
        assertThat(autoscaler.at("/spec/maxReplicas").asInt()).isEqualTo(10);
        assertThat(manifest.only("PodDisruptionBudget").at("/spec/minAvailable").asInt()).isEqualTo(2);
        assertThat(manifest.only("Deployment").at("/spec/template/spec/topologySpreadConstraints").valueStream())
                .allMatch(constraint -> constraint.at("/labelSelector/matchLabels").size() == 3);
    }

    @Test
    void networkPolicyLetsInOnlyTheIngressControllerPrometheusAndTheTest() {
        JsonNode policy = Chart.render(ValueSet.EXTERNAL_DB).only("NetworkPolicy");

        assertThat(policy.at("/spec/ingress")).hasSize(3);
        assertThat(policy.at("/spec/ingress/0/from/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText())
                .isEqualTo("ingress-nginx");
        assertThat(policy.at("/spec/egress").valueStream().flatMap(rule -> rule.path("ports").valueStream())
                .map(port -> port.path("port").asInt())).containsExactlyInAnyOrder(5432, 587, 53, 53);
    }

    @Test
    void refusesDatabasePasswordThatExistingSecretWouldHide() {
        assertThatThrownBy(() -> Chart.render(ValueSet.DEFAULT,
                Map.of("existingSecret", "keys", "externalDatabase.password", "secret")))
                .hasMessageContaining("DATASOURCES_DEFAULT_PASSWORD");
    }

    private static JsonNode server(Manifest manifest) {
        return manifest.only("Deployment").at("/spec/template/spec/containers/0");
    }

    private static JsonNode env(JsonNode container, String name) {
        return container.path("env").valueStream().filter(entry -> name.equals(entry.path("name").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no env " + name));
    }

    private static String secretRef(JsonNode env) {
        return env.at("/valueFrom/secretKeyRef/name").asText();
    }

    private static String hook(JsonNode object, String suffix) {
        return object.at("/metadata/annotations").path("helm.sh/hook" + suffix).asText();
    }

    private static String decode(JsonNode base64) {
        return new String(Base64.getDecoder().decode(base64.asText()), StandardCharsets.UTF_8);
    }
}
