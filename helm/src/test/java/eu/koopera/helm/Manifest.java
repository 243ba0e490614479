package eu.koopera.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The documents of one {@code helm template} output. */
record Manifest(List<JsonNode> documents) {

    private static final YAMLMapper YAML = new YAMLMapper();

    static Manifest parse(String rendered) {
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(rendered)) {
            return new Manifest(documents.readAll().stream()
                    .filter(document -> document != null && !document.isNull() && !document.isEmpty())
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Rendered chart is not YAML", e);
        }
    }

    List<JsonNode> ofKind(String kind) {
        return documents.stream().filter(document -> kind.equals(document.path("kind").asText())).toList();
    }

    /** The one document of a kind; fails when there is none or more than one. */
    JsonNode only(String kind) {
        List<JsonNode> found = ofKind(kind);
        if (found.size() != 1) {
            throw new AssertionError("Expected one " + kind + ", found " + found.size());
        }
        return found.getFirst();
    }

    Map<String, Long> countsByKind() {
        return documents.stream().collect(Collectors.groupingBy(document -> document.path("kind").asText(),
                TreeMap::new, Collectors.counting()));
    }
}
