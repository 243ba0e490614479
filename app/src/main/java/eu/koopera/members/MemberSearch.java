package eu.koopera.members;

import io.micronaut.core.annotation.Nullable;

/**
 * What to look for among members; every criterion is optional.
 *
 * @param text             part of the name or code, matched without regard to case or accents
 * @param kind             only this kind
 * @param region           only this region (exact)
 * @param country          only this country
 * @param membershipStatus only members in this status
 * @param sort             the order
 * @param descending       reverse the order
 */
public record MemberSearch(@Nullable String text, @Nullable MemberKind kind, @Nullable String region,
                           @Nullable String country, @Nullable MembershipStatus membershipStatus, SortField sort,
                           boolean descending) {

    /** Everything, by name. */
    public static MemberSearch all() {
        return new MemberSearch(null, null, null, null, null, SortField.NAME, false);
    }

    /** Name or code containing {@code text}, by name. */
    public static MemberSearch text(@Nullable String text) {
        return new MemberSearch(text, null, null, null, null, SortField.NAME, false);
    }

    /** The orders members can be listed in. */
    public enum SortField {
        NAME,
        CODE,
        KIND,
        REGION,
        POPULATION,
        MEMBERSHIP_STATUS,
        UPDATED_AT
    }
}
