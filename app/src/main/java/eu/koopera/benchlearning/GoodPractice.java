package eu.koopera.benchlearning;

import eu.koopera.networks.LocalizedText;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** A good-practice example as the API returns it. */
@Serdeable
public record GoodPractice(long id, long member, String memberCode, String memberName, LocalizedText title,
                           String description, List<String> indicators, List<String> links, String createdBy,
                           Instant updatedAt, long version) {
}
