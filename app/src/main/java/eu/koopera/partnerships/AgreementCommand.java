package eu.koopera.partnerships;

import eu.koopera.networks.LocalizedText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An agreement's description, for recording or replacing one.
 *
 * @param type               what kind of partnership it is
 * @param title              the title in lv, lt and/or en; at least one, each up to 300 characters
 * @param parties            two or more parties, none twice
 * @param legalForm          for a community partnership only, and required there
 * @param formsOfCooperation the forms of cooperation, each in lv, lt and/or en
 * @param purpose            what the agreement is for
 * @param signedOn           when it was signed
 * @param signedPlace        where it was signed
 * @param startsOn           the first day of its period
 * @param endsOn             the last day of its period, not before {@code startsOn}; open-ended when absent
 * @param nextReviewOn       when it is to be reviewed next
 * @param status             where it stands (DRAFT when absent); only a DRAFT while another association has
 *                           not confirmed
 * @param networkIds         networks of the caller's association the agreement is linked to
 * @param eventIds           events of the caller's association the agreement is linked to
 * @param version            on replacement: the version the client last read
 */
@Serdeable
public record AgreementCommand(
        @NotNull AgreementType type,
        @NotNull @Valid LocalizedText title,
        @NotNull @Size(max = 50) List<@NotNull @Valid PartyCommand> parties,
        @Nullable LegalForm legalForm,
        @Nullable @Size(max = 30) List<@NotNull @Valid LocalizedText> formsOfCooperation,
        @Nullable @Size(max = 4000) String purpose,
        @Nullable LocalDate signedOn,
        @Nullable @Size(max = 200) String signedPlace,
        @Nullable LocalDate startsOn,
        @Nullable LocalDate endsOn,
        @Nullable LocalDate nextReviewOn,
        @Nullable AgreementStatus status,
        @Nullable @Size(max = 20) List<@NotNull UUID> networkIds,
        @Nullable @Size(max = 20) List<@NotNull UUID> eventIds,
        @Nullable Long version) {
}
