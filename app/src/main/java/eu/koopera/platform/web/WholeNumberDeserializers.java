package eu.koopera.platform.web;

import io.micronaut.context.annotation.Primary;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigInteger;

/**
 * Reads JSON numbers into {@code Integer} and {@code Long} fields of request bodies. Serde's own readers truncate
 * {@code 1.5} to 1 and parse {@code "12"}, so that {@code memberId: 1.5} would silently mean member 1; these
 * accept only a JSON number without a fraction, within the type's range.
 */
public final class WholeNumberDeserializers {

    private WholeNumberDeserializers() {
    }

    /** {@code Integer} fields. */
    @Singleton
    @Primary
    @Order(-100)
    public static class Integers implements Deserializer<Integer> {
        @Override
        public Integer deserialize(Decoder decoder, DecoderContext context, Argument<? super Integer> type)
                throws IOException {
            return wholeNumber(decoder, type, Integer.MIN_VALUE, Integer.MAX_VALUE).intValueExact();
        }

        @Override
        public Integer deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super Integer> type)
                throws IOException {
            return decoder.decodeNull() ? null : deserialize(decoder, context, type);
        }
    }

    /** {@code Long} fields, such as ids. */
    @Singleton
    @Primary
    @Order(-100)
    public static class Longs implements Deserializer<Long> {
        @Override
        public Long deserialize(Decoder decoder, DecoderContext context, Argument<? super Long> type)
                throws IOException {
            return wholeNumber(decoder, type, Long.MIN_VALUE, Long.MAX_VALUE).longValueExact();
        }

        @Override
        public Long deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super Long> type)
                throws IOException {
            return decoder.decodeNull() ? null : deserialize(decoder, context, type);
        }
    }

    private static BigInteger wholeNumber(Decoder decoder, Argument<?> type, long min, long max) throws IOException {
        JsonNode node = decoder.decodeNode();
        if (!node.isNumber()) {
            throw new InvalidJsonValue(type.getName(), "must be a whole number, not " + JsonShapes.describe(node));
        }
        Number number = node.getNumberValue();
        BigInteger value;
        if (number instanceof Integer || number instanceof Long || number instanceof Short
                || number instanceof Byte) {
            value = BigInteger.valueOf(number.longValue());
        } else if (number instanceof BigInteger big) {
            value = big;
        } else {
            // 1.5, 1e3 and 1.0 alike: a client that sends a fraction or an exponent does not mean a count or an id
            throw new InvalidJsonValue(type.getName(), "must be a whole number without a fraction or exponent");
        }
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new InvalidJsonValue(type.getName(), "must be between " + min + " and " + max);
        }
        return value;
    }
}
