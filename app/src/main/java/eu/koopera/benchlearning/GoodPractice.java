package eu.koopera.benchlearning;

import eu.koopera.networks.LocalizedText;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** A good-practice example as the API returns it, with its documents (their content is downloaded apart). */
@Serdeable
public record GoodPractice(long id, long member, String memberCode, String memberName, LocalizedText title,
                           String description, List<String> indicators, List<String> links,
                           List<Document> documents, String createdBy, Instant updatedAt, long version) {

    /** A document of the example: its safe file name, the type recognised from its content, its size in bytes. */
    @Serdeable
    public record Document(long id, String fileName, String mediaType, int size, String uploadedBy,
                           Instant uploadedAt) {
    }
}
