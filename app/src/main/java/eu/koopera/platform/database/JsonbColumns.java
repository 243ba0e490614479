package eu.koopera.platform.database;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.jooq.JSONB;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Writes values into jsonb columns and reads them back, with the application's JSON mapper. */
@Singleton
public class JsonbColumns {

    private final JsonMapper mapper;

    public JsonbColumns(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public JSONB write(Object value) {
        try {
            return JSONB.valueOf(mapper.writeValueAsString(value));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public <T> T read(JSONB stored, Argument<T> type) {
        try {
            return mapper.readValue(stored.data(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
