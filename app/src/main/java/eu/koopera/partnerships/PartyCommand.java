package eu.koopera.partnerships;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;

/**
 * One party of an agreement; exactly one of {@code memberId}, {@code foreign} and {@code organisation} is given.
 *
 * @param tenant       the association of the member, when it is not the caller's own
 * @param memberId     a member municipality, of the caller's association or of {@code tenant}
 * @param foreign      a foreign municipality
 * @param organisation a community organisation
 */
@Serdeable
public record PartyCommand(@Nullable String tenant, @Nullable Long memberId,
                           @Nullable @Valid ForeignMunicipality foreign, @Nullable @Valid Organisation organisation) {
}
