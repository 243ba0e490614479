package eu.koopera.partnerships;

import io.micronaut.serde.annotation.Serdeable;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A reply to an announcement.
 *
 * @param id         its id
 * @param tenant     the replying association
 * @param memberId   the replying member, in that association's register
 * @param memberName its name
 * @param message    the message
 * @param createdAt  when it was sent
 */
@Serdeable
public record ReplyResponse(UUID id, String tenant, long memberId, String memberName, String message,
                            OffsetDateTime createdAt) {
}
