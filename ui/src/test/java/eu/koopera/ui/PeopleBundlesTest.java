package eu.koopera.ui;

import eu.koopera.people.InvitationGoneException;
import eu.koopera.people.InvitationStatus;
import eu.koopera.ui.i18n.KooperaI18n;
import eu.koopera.people.ui.LanguagesField;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The texts the people and invitation views compose from values exist in every language. */
class PeopleBundlesTest {

    @Test
    void composedKeysOfPeopleAndInvitationsAreTranslated() {
        List<String> keys = new ArrayList<>();
        Arrays.stream(InvitationStatus.values()).forEach(status -> keys.add("invitations.status." + status));
        Arrays.stream(InvitationGoneException.Reason.values()).forEach(reason -> {
            keys.add("invitation.gone." + reason + ".title");
            keys.add("invitation.gone." + reason + ".text");
        });
        List.of("invalid", "unavailable").forEach(refusal -> {
            keys.add("invitation." + refusal + ".title");
            keys.add("invitation." + refusal + ".text");
        });
        keys.addAll(List.of("invitations.resent", "invitations.revoked"));
        LanguagesField.OFFERED.forEach(code -> keys.add("people.language." + code));

        KooperaI18n i18n = new KooperaI18n();
        for (var locale : KooperaI18n.LOCALES) {
            assertThat(keys).as(locale.toString())
                    .allSatisfy(key -> assertThat(i18n.getTranslation(key, locale)).doesNotStartWith("!"));
        }
    }
}
