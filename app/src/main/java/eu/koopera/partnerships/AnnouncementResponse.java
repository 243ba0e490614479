package eu.koopera.partnerships;

import eu.koopera.networks.LocalizedText;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A "looking for a partner" announcement as every association sees it.
 *
 * @param id         its id
 * @param owner      the association that published it
 * @param memberId   the member looking for a partner, in the owner's register
 * @param memberName that member's name
 * @param theme      what the partnership would be about
 * @param text       the announcement by language
 * @param deadline   the last day replies are taken
 * @param status     {@code CLOSED} once closed or past its deadline
 * @param replies    how many replies the caller can read (all for the owner, its own for another association)
 * @param createdAt  when it was published
 */
@Serdeable
public record AnnouncementResponse(UUID id, String owner, long memberId, String memberName, String theme,
                                   LocalizedText text, LocalDate deadline, AnnouncementStatus status, int replies,
                                   OffsetDateTime createdAt) {
}
