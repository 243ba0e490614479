package eu.koopera.partnerships;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A municipality partner search found.
 *
 * @param source       own member, member of another association, or imported foreign municipality
 * @param tenant       the association it belongs to; absent for a foreign municipality
 * @param memberId     its id in that association's register; absent for a foreign municipality
 * @param foreignId    its id in the imported list; present only for a foreign municipality
 * @param name         its name
 * @param kind         its kind of local government ({@code MemberKind} code), when known
 * @param country      ISO 3166-1 alpha-2, when known
 * @param population   its population, when known
 * @param themes       its themes of interest
 * @param partnerships how many agreements the caller can see name it as a party
 */
@Serdeable
public record PartnerCandidate(PartnerSource source, @Nullable String tenant, @Nullable Long memberId,
                               @Nullable Long foreignId, String name, @Nullable String kind,
                               @Nullable String country, @Nullable Integer population, List<String> themes,
                               int partnerships) {

    PartnerCandidate withPartnerships(int count) {
        return new PartnerCandidate(source, tenant, memberId, foreignId, name, kind, country, population, themes,
                count);
    }
}
