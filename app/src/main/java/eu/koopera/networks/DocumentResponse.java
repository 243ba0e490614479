package eu.koopera.networks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A document of a network with its versions, newest first.
 *
 * @param meetingId the meeting it belongs to, if any
 */
@Serdeable
public record DocumentResponse(UUID id, UUID networkId, @Nullable UUID meetingId, String title, int latestVersion,
                               String createdTenant, String createdBy, Instant createdAt, List<Version> versions) {

    /** One uploaded version; {@code sha256} lets a reader check what they downloaded. */
    @Serdeable
    public record Version(int version, String fileName, String contentType, long sizeBytes, String sha256,
                          String uploadedTenant, String uploadedBy, Instant uploadedAt) {
    }
}
