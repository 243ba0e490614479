package eu.koopera.partnerships;

import eu.koopera.networks.LocalizedText;
import eu.koopera.platform.database.JsonbColumns;
import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;
import org.jooq.JSONB;

import java.util.List;
import java.util.Map;

/** Converts the jsonb columns of agreements: texts by language and lists of them. */
@Singleton
class PartnershipJson {

    private static final Argument<Map<String, String>> TEXT = Argument.mapOf(String.class, String.class);
    private static final Argument<List<Map<String, String>>> TEXTS = Argument.listOf(TEXT);

    private final JsonbColumns columns;

    PartnershipJson(JsonbColumns columns) {
        this.columns = columns;
    }

    JSONB text(LocalizedText text) {
        return columns.write(text.asMap());
    }

    LocalizedText text(JSONB stored) {
        return LocalizedText.of(columns.read(stored, TEXT));
    }

    JSONB texts(List<LocalizedText> texts) {
        return columns.write(texts.stream().map(LocalizedText::asMap).toList());
    }

    List<LocalizedText> texts(JSONB stored) {
        return columns.read(stored, TEXTS).stream().map(LocalizedText::of).toList();
    }
}
