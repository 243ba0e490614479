package eu.koopera.partnerships;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/**
 * A party as stored. For a member, {@code tenant} and {@code memberId} name it and {@code memberName} is its name
 * as its own association gave it (absent until a member of another association is confirmed); {@code confirmed}
 * says whether its association has confirmed the agreement (always true for the owner's members).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PartyResponse(UUID id, PartyKind kind, @Nullable String tenant, @Nullable Long memberId,
                            @Nullable String memberName, @Nullable Boolean confirmed,
                            @Nullable ForeignMunicipality foreign, @Nullable Organisation organisation) {

    PartyResponse withMemberName(String name) {
        return new PartyResponse(id, kind, tenant, memberId, name, confirmed, foreign, organisation);
    }

    /** A short name for messages and exports. */
    public String label() {
        return switch (kind) {
            case MEMBER -> memberName != null ? memberName : tenant + " #" + memberId;
            case FOREIGN -> foreign.name() + " (" + foreign.country() + ")";
            case ORGANISATION -> organisation.name();
        };
    }
}
