package eu.koopera.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The GitHub workflows and Dependabot's settings parse, and say what CI and releases must do. */
class GitHubAutomationTest {

    private static final Path GITHUB = Path.of("..", ".github").toAbsolutePath().normalize();
    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void everyWorkflowHasTriggersAndJobsThatRunSomewhereWithSteps() throws IOException {
        Map<Path, JsonNode> workflows = workflows();

        assertThat(workflows).isNotEmpty();
        workflows.forEach((file, workflow) -> {
            assertThat(workflow.has("name")).as("%s name", file).isTrue();
            assertThat(workflow.has("on")).as("%s on", file).isTrue();
            assertThat(workflow.path("jobs").isObject() && !workflow.path("jobs").isEmpty()).as("%s jobs", file).isTrue();
            workflow.path("jobs").properties().forEach(job -> {
                assertThat(job.getValue().path("runs-on").asText()).as("%s %s runs-on", file, job.getKey()).isNotBlank();
                assertThat(job.getValue().path("steps").isArray() && !job.getValue().path("steps").isEmpty())
                        .as("%s %s steps", file, job.getKey()).isTrue();
                job.getValue().path("steps").forEach(step -> assertThat(step.has("uses") || step.has("run"))
                        .as("%s %s step %s", file, job.getKey(), step).isTrue());
            });
        });
    }

    @Test
    void ciVerifiesEveryPushAndPullRequestOnJdk21And25() throws IOException {
        JsonNode ci = workflow("ci.yml");
        JsonNode job = ci.path("jobs").elements().next();

        assertThat(ci.path("on").has("push")).isTrue();
        assertThat(ci.path("on").has("pull_request")).isTrue();
        assertThat(job.at("/strategy/matrix/java").valueStream().map(JsonNode::asText)).containsExactlyInAnyOrder("21", "25");
        JsonNode setupJava = step(job, "actions/setup-java");
        assertThat(setupJava.at("/with/distribution").asText()).isEqualTo("temurin");
        assertThat(setupJava.at("/with/cache").asText()).isEqualTo("maven");
        assertThat(setupJava.at("/with/java-version").asText()).contains("matrix.java");
        assertThat(runs(job)).contains("./mvnw -B verify").contains("apt-get install").contains("chromium chromium-driver");
    }

    @Test
    void ciKeepsTestReportsAndScreenshotsEvenWhenTestsFail() throws IOException {
        JsonNode upload = step(workflow("ci.yml").path("jobs").elements().next(), "actions/upload-artifact");

        assertThat(upload.path("if").asText()).isEqualTo("always()");
        assertThat(upload.at("/with/path").asText()).contains("surefire-reports", "failsafe-reports", "target/screenshots");
    }

    @Test
    void releasePublishesImageAndChartForVersionTags() throws IOException {
        JsonNode release = workflow("release.yml");
        JsonNode job = release.path("jobs").elements().next();

        assertThat(release.at("/on/push/tags").valueStream().map(JsonNode::asText)).containsExactly("v*");
        assertThat(release.at("/permissions/packages").asText()).isEqualTo("write");
        assertThat(step(job, "docker/login-action").at("/with/registry").asText()).isEqualTo("ghcr.io");
        assertThat(step(job, "docker/login-action").at("/with/password").asText()).contains("secrets.GITHUB_TOKEN");
        assertThat(step(job, "docker/build-push-action").at("/with/file").asText()).isEqualTo("Dockerfile");
        assertThat(runs(job)).contains("./mvnw -B -DskipTests package", "helm package helm/koopera", "helm push",
                "oci://ghcr.io/");
    }

    @Test
    void dependabotUpdatesMavenAndActionsWeekly() throws IOException {
        JsonNode dependabot = YAML.readTree(GITHUB.resolve("dependabot.yml").toFile());

        assertThat(dependabot.path("version").asInt()).isEqualTo(2);
        Map<String, String> intervals = dependabot.path("updates").valueStream().collect(Collectors.toMap(
                update -> update.path("package-ecosystem").asText(), update -> update.at("/schedule/interval").asText()));
        assertThat(intervals).containsEntry("maven", "weekly").containsEntry("github-actions", "weekly");
    }

    private static Map<Path, JsonNode> workflows() throws IOException {
        try (Stream<Path> files = Files.list(GITHUB.resolve("workflows"))) {
            List<Path> yaml = files.filter(file -> file.toString().endsWith(".yml")).sorted().toList();
            Map<Path, JsonNode> parsed = new LinkedHashMap<>();
            for (Path file : yaml) {
                parsed.put(file.getFileName(), YAML.readTree(file.toFile()));
            }
            return parsed;
        }
    }

    private static JsonNode workflow(String name) throws IOException {
        return YAML.readTree(GITHUB.resolve("workflows").resolve(name).toFile());
    }

    private static JsonNode step(JsonNode job, String action) {
        return job.path("steps").valueStream().filter(step -> step.path("uses").asText().startsWith(action + "@"))
                .findFirst().orElseThrow(() -> new AssertionError("no step uses " + action));
    }

    private static String runs(JsonNode job) {
        return job.path("steps").valueStream().map(step -> step.path("run").asText()).collect(Collectors.joining("\n"));
    }
}
