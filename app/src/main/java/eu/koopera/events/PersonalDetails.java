package eu.koopera.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A registrant's personal data, shown only to the association that registered them and only until they are
 * erased after the event.
 *
 * @param personId           the person in the registering association's register
 * @param fullName           their name when they registered
 * @param email              where their mails go, if known
 * @param language           the language of their mails (lv, lt or en)
 * @param dietaryNeeds       dietary needs, if any
 * @param accessibilityNeeds accessibility needs, if any
 * @param consentedAt        when they consented to their needs being processed, if they did
 */
@Serdeable
public record PersonalDetails(@Nullable Long personId, String fullName, @Nullable String email, String language,
                              @Nullable String dietaryNeeds, @Nullable String accessibilityNeeds,
                              @Nullable Instant consentedAt) {
}
