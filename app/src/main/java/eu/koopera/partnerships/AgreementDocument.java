package eu.koopera.partnerships;

import io.micronaut.serde.annotation.Serdeable;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A document of an agreement, such as its signed text.
 *
 * @param id         its id
 * @param fileName   its safe file name
 * @param mediaType  the type recognised from its content
 * @param size       its size in bytes
 * @param sha256     its SHA-256, hexadecimal, to check a copy against
 * @param uploadedBy who uploaded it
 * @param uploadedAt when
 */
@Serdeable
public record AgreementDocument(UUID id, String fileName, String mediaType, int size, String sha256,
                                String uploadedBy, OffsetDateTime uploadedAt) {
}
