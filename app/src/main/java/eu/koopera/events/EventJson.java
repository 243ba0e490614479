package eu.koopera.events;

import eu.koopera.networks.LocalizedText;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.jooq.JSONB;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Converts the jsonb columns of event tables: texts by language and the programme. */
@Singleton
class EventJson {

    private static final Argument<Map<String, String>> TEXTS = Argument.mapOf(String.class, String.class);
    private static final Argument<List<ProgrammeItem>> PROGRAMME = Argument.listOf(ProgrammeItem.class);

    private final JsonMapper mapper;

    EventJson(JsonMapper mapper) {
        this.mapper = mapper;
    }

    JSONB text(LocalizedText text) {
        return write(Texts.asMap(text));
    }

    LocalizedText text(JSONB stored) {
        Map<String, String> map = read(stored, TEXTS);
        return new LocalizedText(map.get("lv"), map.get("lt"), map.get("en"));
    }

    JSONB programme(List<ProgrammeItem> items) {
        return write(items);
    }

    List<ProgrammeItem> programme(JSONB stored) {
        return read(stored, PROGRAMME);
    }

    private JSONB write(Object value) {
        try {
            return JSONB.valueOf(mapper.writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(JSONB stored, Argument<T> type) {
        try {
            return mapper.readValue(stored.data(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
