package eu.koopera.partnerships;

import eu.koopera.networks.LocalizedText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** An agreement as its owner and the associations named in it read it. */
@Serdeable
public record AgreementResponse(UUID id, String owner, AgreementType type, LocalizedText title,
                                List<PartyResponse> parties, @Nullable LegalForm legalForm,
                                List<LocalizedText> formsOfCooperation, @Nullable String purpose,
                                @Nullable LocalDate signedOn, @Nullable String signedPlace,
                                @Nullable LocalDate startsOn, @Nullable LocalDate endsOn, AgreementStatus status,
                                @Nullable LocalDate nextReviewOn, List<ConfirmationResponse.Decision> confirmations,
                                List<UUID> networkIds, List<UUID> eventIds, long version, Instant createdAt,
                                Instant updatedAt) {

    public boolean ownedBy(String tenant) {
        return owner.equals(tenant);
    }

    /** The party with this id, if it is one of this agreement's. */
    public Optional<PartyResponse> party(UUID partyId) {
        return parties.stream().filter(party -> party.id().equals(partyId)).findFirst();
    }
}
