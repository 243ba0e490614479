package eu.koopera.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * The feedback questionnaire's results, all associations' participants together.
 *
 * @param responses    how many answered
 * @param average      the mean rating, to two decimals; null without answers
 * @param distribution how many gave each rating, 1 to 5
 * @param comments     the free texts, without names, in the order given
 */
@Serdeable
public record FeedbackResults(int responses, @Nullable Double average, Map<Integer, Integer> distribution,
                              List<String> comments) {
}
