package eu.koopera.partnerships;

import eu.koopera.networks.LocalizedText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An agreement of another association that names members of the caller's association, as that association sees
 * it before and after confirming.
 *
 * @param members the caller's association's members named as parties
 */
@Serdeable
public record ConfirmationResponse(UUID agreementId, String owner, AgreementType type, LocalizedText title,
                                   AgreementStatus agreementStatus, ConfirmationStatus status,
                                   List<PartyResponse> members, Instant requestedAt, @Nullable Instant decidedAt) {

    ConfirmationResponse withMembers(List<PartyResponse> named) {
        return new ConfirmationResponse(agreementId, owner, type, title, agreementStatus, status, named, requestedAt,
                decidedAt);
    }

    /** One association's decision on an agreement, as the agreement lists it. */
    @Serdeable
    public record Decision(String tenant, ConfirmationStatus status, @Nullable String decidedBy,
                           @Nullable Instant decidedAt) {
    }
}
