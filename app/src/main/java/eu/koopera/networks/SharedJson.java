package eu.koopera.networks;

import eu.koopera.platform.database.JsonbColumns;
import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;
import org.jooq.JSONB;

import java.util.List;
import java.util.Map;

/** Converts the jsonb columns of network tables: texts by language, feed parameters and attendance. */
@Singleton
class SharedJson {

    private static final Argument<Map<String, String>> TEXTS = Argument.mapOf(String.class, String.class);
    private static final Argument<List<Attendee>> ATTENDEES = Argument.listOf(Attendee.class);
    private static final Argument<Map<String, Object>> PARAMETERS = Argument.mapOf(String.class, Object.class);

    private final JsonbColumns columns;

    SharedJson(JsonbColumns columns) {
        this.columns = columns;
    }

    JSONB text(LocalizedText text) {
        return write(text.asMap());
    }

    LocalizedText text(JSONB stored) {
        return LocalizedText.of(read(stored, TEXTS));
    }

    JSONB parameters(Map<String, ?> parameters) {
        return write(parameters);
    }

    Map<String, Object> parameters(JSONB stored) {
        return read(stored, PARAMETERS);
    }

    JSONB attendance(List<Attendee> attendees) {
        return write(attendees);
    }

    List<Attendee> attendance(JSONB stored) {
        return read(stored, ATTENDEES);
    }

    private JSONB write(Object value) {
        return columns.write(value);
    }

    private <T> T read(JSONB stored, Argument<T> type) {
        return columns.read(stored, type);
    }
}
