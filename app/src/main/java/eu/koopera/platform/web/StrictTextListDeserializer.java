package eu.koopera.platform.web;

import io.micronaut.context.annotation.Primary;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code List<String>} fields of request bodies (such as a person's languages) with the rules of
 * {@link StrictTextDeserializer} for each element. It exists so that an error names the list field: an element is
 * read without the name of the property it belongs to.
 */
@Singleton
@Primary
@Order(-100)
public class StrictTextListDeserializer implements Deserializer<List<String>> {

    @Override
    public List<String> deserialize(Decoder decoder, DecoderContext context, Argument<? super List<String>> type)
            throws IOException {
        JsonNode node = decoder.decodeNode();
        if (!node.isArray()) {
            throw new InvalidJsonValue(type.getName(), "must be an array of strings, not "
                    + JsonShapes.describe(node));
        }
        List<String> texts = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            if (element == null || !element.isString()) {
                throw new InvalidJsonValue(type.getName(), "must be an array of strings, but element " + i + " is "
                        + (element == null ? "null" : JsonShapes.describe(element)));
            }
            String problem = TextRules.problem(element.getStringValue());
            if (problem != null) {
                throw new InvalidJsonValue(type.getName(), "element " + i + " " + problem);
            }
            texts.add(TextRules.trim(element.getStringValue()));
        }
        return texts;
    }

    @Override
    public List<String> deserializeNullable(Decoder decoder, DecoderContext context,
                                            Argument<? super List<String>> type) throws IOException {
        return decoder.decodeNull() ? null : deserialize(decoder, context, type);
    }
}
