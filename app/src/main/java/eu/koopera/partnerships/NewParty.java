package eu.koopera.partnerships;

import io.micronaut.core.annotation.Nullable;

import java.util.Locale;

/**
 * A party checked by the service and ready to store: a member (with its name when it belongs to the owner), a
 * foreign municipality or an organisation.
 */
record NewParty(PartyKind kind, @Nullable String tenant, @Nullable Long memberId, @Nullable String memberName,
                @Nullable String name, @Nullable String country, @Nullable String registrationNo,
                @Nullable String organisationKind) {

    static NewParty member(String tenant, long memberId, @Nullable String memberName) {
        return new NewParty(PartyKind.MEMBER, tenant, memberId, memberName, null, null, null, null);
    }

    static NewParty foreign(String name, String country) {
        return new NewParty(PartyKind.FOREIGN, null, null, null, name, country, null, null);
    }

    static NewParty organisation(String name, @Nullable String registrationNo, @Nullable String kind) {
        return new NewParty(PartyKind.ORGANISATION, null, null, null, name, null, registrationNo, kind);
    }

    /**
     * What makes two parties the same: the association and member; the name and country of a foreign
     * municipality; the registration number of an organisation, else its name.
     */
    String identity() {
        return switch (kind) {
            case MEMBER -> "M:" + tenant + ":" + memberId;
            case FOREIGN -> "F:" + country + ":" + name.toLowerCase(Locale.ROOT);
            case ORGANISATION -> registrationNo != null ? "O:#" + registrationNo.toLowerCase(Locale.ROOT)
                    : "O:" + name.toLowerCase(Locale.ROOT);
        };
    }

    static String identityOf(PartyResponse party) {
        return switch (party.kind()) {
            case MEMBER -> member(party.tenant(), party.memberId(), null).identity();
            case FOREIGN -> foreign(party.foreign().name(), party.foreign().country()).identity();
            case ORGANISATION -> organisation(party.organisation().name(), party.organisation().registrationNo(),
                    null).identity();
        };
    }
}
