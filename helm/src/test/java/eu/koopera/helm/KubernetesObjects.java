package eu.koopera.helm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads rendered documents as Kubernetes objects of fabric8's model, rejecting any field the object's type does
 * not have (a misspelt or misplaced key is silently dropped by the API server, so a test must catch it).
 */
final class KubernetesObjects {

    /** Kinds of custom resources the chart may render; fabric8 has no model for them. */
    static final Set<String> CUSTOM_RESOURCES = Set.of("postgresql.cnpg.io/v1/Cluster");

    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    /**
     * fabric8's types keep unknown fields in an "any setter" map; with any setters ignored and unknown
     * properties failing, an unknown field becomes an error. Scalars must have their schema's type too.
     */
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .annotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated annotated) {
                    return Boolean.FALSE;
                }
            })
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private KubernetesObjects() {
    }

    /** The document as a typed object; throws {@link IllegalArgumentException} when it is not a valid one. */
    static HasMetadata read(JsonNode document) {
        String name = document.path("kind").asText() + "/" + document.path("metadata").path("name").asText();
        HasMetadata loose;
        try {
            loose = SERIALIZATION.unmarshal(document.toString());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + " is not a Kubernetes object: " + e.getMessage(), e);
        }
        if (loose instanceof GenericKubernetesResource generic) {
            List<String> problems = customResourceProblems(document);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(name + ": " + problems);
            }
            return generic;
        }
        HasMetadata typed;
        try {
            typed = STRICT.treeToValue(document, loose.getClass());
        } catch (Exception e) {
            throw new IllegalArgumentException(name + " does not match " + loose.getClass().getSimpleName()
                    + ": " + e.getMessage(), e);
        }
        if (!DNS_SUBDOMAIN.matcher(typed.getMetadata().getName()).matches()) {
            throw new IllegalArgumentException(name + ": name is not a DNS subdomain");
        }
        return typed;
    }

    /** A custom resource is checked for the shape every object has, and a spec. */
    private static List<String> customResourceProblems(JsonNode document) {
        List<String> problems = new ArrayList<>();
        String type = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
        if (!CUSTOM_RESOURCES.contains(type)) {
            problems.add("unknown kind " + type);
        }
        document.fieldNames().forEachRemaining(field -> {
            if (!Set.of("apiVersion", "kind", "metadata", "spec").contains(field)) {
                problems.add("unexpected top-level field " + field);
            }
        });
        String name = document.path("metadata").path("name").asText();
        if (!DNS_SUBDOMAIN.matcher(name).matches()) {
            problems.add("metadata.name '" + name + "' is not a DNS subdomain");
        }
        if (!document.path("spec").isObject() || document.path("spec").isEmpty()) {
            problems.add("no spec");
        }
        return problems;
    }
}
