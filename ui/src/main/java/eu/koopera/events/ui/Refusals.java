package eu.koopera.events.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;

import java.util.Set;

/**
 * Tells the user, in their language, why an events service refused: by the refusal's stable code
 * ({@code event.problem.<code>}), else by the field it names ({@code event.invalid.<field>}), else by its kind. The
 * services' English details never reach the screen.
 */
final class Refusals {

    /** Fields the events services name in problems without a code; an indexed field counts as its list. */
    static final Set<String> FIELDS = Set.of("title", "description", "endsAt", "timeZone", "country",
            "registrationClosesAt", "programme", "currency", "networkId", "version", "reason", "seatQuota", "tenant",
            "day", "materials", "followUps", "personId", "consent");

    private Refusals() {
    }

    /** Shows a refusal as an error notification. */
    static void notify(Component context, ApiException problem) {
        Notification notification = Notification.show(text(context, problem), 6000,
                Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.setId("event-refusal");
    }

    /** The translated text of a refusal. */
    static String text(Component context, ApiException problem) {
        if (problem.code() != null) {
            return context.getTranslation("event.problem." + problem.code());
        }
        String byField = problem.errors().stream().map(Problem.FieldError::field)
                .filter(field -> field != null).map(field -> field.replaceFirst("\\[.*$", ""))
                .filter(FIELDS::contains).findFirst().map(field -> context.getTranslation("event.invalid." + field))
                .orElse(null);
        if (byField != null) {
            return byField;
        }
        return context.getTranslation(switch (problem) {
            case ApiException.Conflict ignored -> "error.conflict";
            case ApiException.Forbidden ignored -> "error.forbidden";
            case ApiException.NotFound ignored -> "error.notFound";
            default -> "error.invalid";
        });
    }
}
