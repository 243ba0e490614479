package eu.koopera.partnerships;

import eu.koopera.networks.LocalizedText;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The association's agreements that need its administrators' attention, soonest first.
 *
 * @param expiring   agreements in force whose period ends within {@link AgreementService#EXPIRING_DAYS} days
 * @param reviewsDue agreements whose next review is past or within the reminder period
 */
@Serdeable
public record AgreementAttention(List<Due> expiring, List<Due> reviewsDue) {

    /** One agreement and the date that makes it due (its end, or its next review). */
    @Serdeable
    public record Due(UUID id, AgreementType type, LocalizedText title, LocalDate date) {
    }
}
