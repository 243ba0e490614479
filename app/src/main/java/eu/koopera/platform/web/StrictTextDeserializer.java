package eu.koopera.platform.web;

import io.micronaut.context.annotation.Primary;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.Locale;

/**
 * Reads every JSON string of a request body. Serde's own reader turns {@code 42}, {@code true} and {@code ["a"]}
 * into text silently; this one accepts only a JSON string, refuses NUL characters and lone surrogates, and trims
 * white space and invisible characters, so that {@code @NotBlank} sees a name of zero-width spaces as blank.
 * Passwords are kept exactly as sent: a space may be part of one.
 */
@Singleton
@Primary
@Order(-100)
public class StrictTextDeserializer implements Deserializer<String> {

    @Override
    public String deserialize(Decoder decoder, DecoderContext context, Argument<? super String> type)
            throws IOException {
        JsonNode node = decoder.decodeNode();
        if (!node.isString()) {
            throw new InvalidJsonValue(type.getName(), "must be a string, not " + JsonShapes.describe(node));
        }
        String text = node.getStringValue();
        String problem = TextRules.problem(text);
        if (problem != null) {
            throw new InvalidJsonValue(type.getName(), problem);
        }
        return verbatim(type) ? text : TextRules.trim(text);
    }

    @Override
    public String deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super String> type)
            throws IOException {
        return decoder.decodeNull() ? null : deserialize(decoder, context, type);
    }

    private static boolean verbatim(Argument<?> type) {
        return type.getName().toLowerCase(Locale.ROOT).endsWith("password");
    }
}
