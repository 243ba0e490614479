package eu.koopera.ui;

import eu.koopera.networks.ApplicationStatus;
import eu.koopera.networks.FeedKind;
import eu.koopera.networks.InvitationStatus;
import eu.koopera.networks.MeetingKind;
import eu.koopera.networks.MilestoneStatus;
import eu.koopera.networks.NetworkStatus;
import eu.koopera.ui.i18n.KooperaI18n;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The texts the network views compose from values (statuses, milestone statuses, meeting kinds, feed kinds, refused
 * fields) exist in every language.
 */
class NetworkBundlesTest {

    @Test
    void composedKeysOfTheNetworkViewsAreTranslated() {
        List<String> keys = new ArrayList<>();
        Arrays.stream(NetworkStatus.values()).forEach(status -> keys.add("networks.status." + status));
        Arrays.stream(ApplicationStatus.values()).forEach(status -> keys.add("network.application.status." + status));
        Arrays.stream(InvitationStatus.values()).forEach(status -> keys.add("network.invitation.status." + status));
        Arrays.stream(MilestoneStatus.values()).forEach(status -> keys.add("network.milestone.status." + status));
        Arrays.stream(MeetingKind.values()).forEach(kind -> keys.add("network.meeting.kind." + kind));
        Arrays.stream(FeedKind.values()).forEach(kind -> keys.add(kind.messageKey()));
        List.of("name", "description", "endsOn", "version", "tenant", "memberId", "reason", "userId",
                        "responsibleMember", "title", "endsAt", "timeZone", "place", "onlineUrl",
                        "recordings", "attendees")
                .forEach(field -> keys.add("network.invalid." + field));
        List.of("lv", "lt", "en").forEach(language -> {
            keys.add("networks.name." + language);
            keys.add("networks.description." + language);
        });

        KooperaI18n i18n = new KooperaI18n();
        for (var locale : KooperaI18n.LOCALES) {
            assertThat(keys).as(locale.toString())
                    .allSatisfy(key -> assertThat(i18n.getTranslation(key, locale)).doesNotStartWith("!"));
        }
    }
}
