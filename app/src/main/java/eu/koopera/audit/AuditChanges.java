package eu.koopera.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Compares an entry's before and after documents field by field. */
@Singleton
class AuditChanges {

    private static final Argument<Map<String, Object>> DOCUMENT = Argument.mapOf(String.class, Object.class);

    private final JsonMapper json;

    AuditChanges(JsonMapper json) {
        this.json = json;
    }

    /** The fields whose values differ; on creation or deletion every field that has a value. */
    List<FieldChange> between(@Nullable String before, @Nullable String after) {
        Map<String, Object> old = read(before);
        Map<String, Object> now = read(after);
        Set<String> fields = new LinkedHashSet<>(old.keySet());
        fields.addAll(now.keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            String was = text(old.get(field));
            String is = text(now.get(field));
            if (!Objects.equals(was, is)) {
                changes.add(new FieldChange(field, was, is));
            }
        }
        return changes;
    }

    private Map<String, Object> read(@Nullable String document) {
        if (document == null || !document.startsWith("{")) {
            return Map.of();
        }
        try {
            Map<String, Object> fields = json.readValue(document, DOCUMENT);
            return fields == null ? Map.of() : fields;
        } catch (IOException e) {
            return Map.of(); // an entry written by hand or by an old version: the raw document still shows
        }
    }

    private @Nullable String text(@Nullable Object value) {
        return switch (value) {
            case null -> null;
            case Collection<?> list when list.isEmpty() -> null;
            case Collection<?> list -> list.stream().map(this::text).filter(Objects::nonNull)
                    .collect(Collectors.joining(","));
            case Map<?, ?> document -> {
                try {
                    yield json.writeValueAsString(document);
                } catch (IOException e) {
                    yield document.toString();
                }
            }
            case String string when string.isEmpty() -> null;
            default -> value.toString();
        };
    }
}
