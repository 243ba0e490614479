package eu.koopera.events;

import eu.koopera.networks.LocalizedText;
import eu.koopera.platform.database.JsonbColumns;
import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;
import org.jooq.JSONB;

import java.util.List;
import java.util.Map;

/** Converts the jsonb columns of event tables: texts by language and the programme. */
@Singleton
class EventJson {

    private static final Argument<Map<String, String>> TEXTS = Argument.mapOf(String.class, String.class);
    private static final Argument<List<ProgrammeItem>> PROGRAMME = Argument.listOf(ProgrammeItem.class);

    private final JsonbColumns columns;

    EventJson(JsonbColumns columns) {
        this.columns = columns;
    }

    JSONB text(LocalizedText text) {
        return write(text.asMap());
    }

    LocalizedText text(JSONB stored) {
        return LocalizedText.of(read(stored, TEXTS));
    }

    JSONB programme(List<ProgrammeItem> items) {
        return write(items);
    }

    List<ProgrammeItem> programme(JSONB stored) {
        return read(stored, PROGRAMME);
    }

    private JSONB write(Object value) {
        return columns.write(value);
    }

    private <T> T read(JSONB stored, Argument<T> type) {
        return columns.read(stored, type);
    }
}
