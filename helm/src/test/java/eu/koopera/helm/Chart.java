package eu.koopera.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** The chart under test, rendered and linted in process by helm-java, with no cluster. */
final class Chart {

    static final Path DIR = Path.of("koopera").toAbsolutePath().normalize();
    static final String RELEASE = "koopera";
    private static final Path COPIES = Path.of("target", "chart-copies").toAbsolutePath();
    static final String NAMESPACE = "koopera";
    /** Answers the chart's lookups; holds no Secret unless a test puts one. */
    static final FakeKubernetesApi CLUSTER = FakeKubernetesApi.start();

    /**
     * helm-java's template returns the release manifest without the hooks (the Secret, the migration Job and the
     * test Pod), which Helm keeps apart by their helm.sh/hook annotations. Rendering a copy whose templates name
     * those annotations differently, then naming them back in the output, gives what {@code helm template} prints.
     */
    private static final String HOOK_ANNOTATION = "helm.sh/hook";
    private static final String HOOK_STAND_IN = "test.koopera.eu/hook";
    private static final Path RENDERED_CHART = copy(DIR, template -> template.replace(HOOK_ANNOTATION, HOOK_STAND_IN));

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Map<ValueSet, Manifest> RENDERED = new ConcurrentHashMap<>();

    private Chart() {
    }

    /** {@code helm template} with a value set, rendered once per test run. */
    static Manifest render(ValueSet values) {
        return RENDERED.computeIfAbsent(values, set -> render(set, Map.of()));
    }

    /** {@code helm template} with a value set and {@code --set} overrides. */
    static Manifest render(ValueSet values, Map<String, String> overrides) {
        TemplateCommand command = new Helm(RENDERED_CHART).template().withName(RELEASE).withNamespace(NAMESPACE);
        values.file().ifPresent(command::withValuesFile);
        overrides.forEach(command::set);
        return Manifest.parse(command.call().replace(HOOK_STAND_IN, HOOK_ANNOTATION));
    }

    /**
     * {@code helm lint --strict} with a value set and overrides. helm-java's lint takes no values files, so this
     * lints a copy of the chart whose values.yaml is values.yaml with the set merged over it, as Helm merges them.
     */
    static LintResult lint(ValueSet values, Map<String, Object> overrides) {
        try {
            Path copy = copy(DIR, UnaryOperator.identity());
            ObjectNode merged = (ObjectNode) YAML.readTree(DIR.resolve("values.yaml").toFile());
            if (values.file().isPresent()) {
                merge(merged, YAML.readTree(values.file().get().toFile()));
            }
            overrides.forEach((path, value) -> set(merged, path, value));
            YAML.writeValue(copy.resolve("values.yaml").toFile(), merged);
            return new Helm(copy).lint().strict().call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void merge(ObjectNode base, JsonNode overlay) {
        overlay.properties().forEach(entry -> {
            JsonNode current = base.get(entry.getKey());
            if (entry.getValue().isNull()) {
                base.remove(entry.getKey());
            } else if (current instanceof ObjectNode object && entry.getValue().isObject()) {
                merge(object, entry.getValue());
            } else {
                base.set(entry.getKey(), entry.getValue());
            }
        });
    }

    private static void set(ObjectNode root, String path, Object value) {
        String[] keys = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < keys.length - 1; i++) {
            node = node.withObjectProperty(keys[i]);
        }
        node.set(keys[keys.length - 1], YAML.valueToTree(value));
    }

    /** Copies the chart to a new temporary directory of the same name, rewriting its templates. */
    private static Path copy(Path chart, UnaryOperator<String> templates) {
        try {
            Files.createDirectories(COPIES);
            Path copy = Files.createTempDirectory(COPIES, "chart-").resolve(chart.getFileName());
            Path templateDir = chart.resolve("templates");
            try (Stream<Path> paths = Files.walk(chart)) {
                for (Path source : paths.toList()) {
                    Path target = copy.resolve(chart.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else if (source.startsWith(templateDir)) {
                        Files.writeString(target, templates.apply(Files.readString(source)));
                    } else {
                        Files.copy(source, target);
                    }
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
