package eu.koopera.networks.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;

import java.util.Set;

/**
 * Tells the user, in their language, why a network service refused: by the kind of problem and the field it names.
 * The services' English details never reach the screen.
 */
final class Refusals {

    /**
     * Fields the network services name in their problems; each has the text {@code network.invalid.<field>}. An
     * indexed field such as {@code recordings[1]} or {@code attendees[0].tenant} counts as its list.
     */
    static final Set<String> FIELDS = Set.of("name", "description", "endsOn", "version", "tenant", "memberId",
            "reason", "userId", "responsibleMember", "title", "endsAt", "timeZone", "place", "onlineUrl", "recordings",
            "attendees");

    private Refusals() {
    }

    /**
     * Shows a refusal as a notification.
     *
     * @param conflict the translated text for a conflict with the current state, which only the action knows
     */
    static void notify(Component context, ApiException problem, String conflict) {
        Notification notification = Notification.show(text(context, problem, conflict), 6000,
                Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.setId("network-refusal");
    }

    /** The translated text of a refusal. */
    static String text(Component context, ApiException problem, String conflict) {
        return switch (problem) {
            case ApiException.Conflict ignored -> conflict;
            case ApiException.Forbidden ignored -> context.getTranslation("error.forbidden");
            case ApiException.NotFound ignored -> context.getTranslation("error.notFound");
            default -> problem.errors().stream().map(Problem.FieldError::field)
                    .map(field -> field.replaceFirst("\\[.*$", "")).filter(FIELDS::contains)
                    .findFirst().map(field -> context.getTranslation("network.invalid." + field))
                    .orElseGet(() -> context.getTranslation("error.invalid"));
        };
    }
}
