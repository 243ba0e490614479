package eu.koopera.audit;

import io.micronaut.core.annotation.Nullable;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an audit entry says, as data the UI translates: an event code such as {@code person.invited} and its
 * parameters such as the person's {@code name}, kept as written so that an entry about a deleted entity still reads
 * well. {@code summary} is the same in plain English, stored for readers that do not know the codes.
 *
 * @param event   the event code; the UI's bundles name it {@code audit.event.<event>}
 * @param summary a short English description
 * @param params  the parameters, by name
 */
public record AuditMessage(String event, @Nullable String summary, Map<String, String> params) {

    public AuditMessage {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** A message whose only parameter is the entity's {@code name}. */
    public static AuditMessage named(String event, String summary, String name) {
        return new AuditMessage(event, summary, Map.of(NAME, name));
    }

    /** The parameter holding the name of the entity the entry is about. */
    public static final String NAME = "name";

    /** This message with one more parameter; null values are left out. */
    public AuditMessage with(String name, @Nullable Object value) {
        if (value == null) {
            return this;
        }
        Map<String, String> more = new LinkedHashMap<>(params);
        more.put(name, String.valueOf(value));
        return new AuditMessage(event, summary, more);
    }
}
