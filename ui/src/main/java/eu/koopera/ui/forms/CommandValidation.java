package eu.koopera.ui.forms;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import eu.koopera.ui.i18n.KooperaI18n;
import io.micronaut.validation.validator.Validator;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;

import java.util.Map;
import java.util.Set;

/**
 * Checks a command with the same constraints the REST API applies to it, and shows what is wrong next to the form
 * fields in the user's language. Problems the services raise land on the fields they name, or in a notification.
 */
@Singleton
public class CommandValidation {

    private final Validator validator;

    public CommandValidation(Validator validator) {
        this.validator = validator;
    }

    /**
     * Marks the fields of {@code command} that break a constraint.
     *
     * @param fields form fields by the command's property names
     * @return whether the command is valid
     */
    public <T> boolean check(T command, Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(field -> field.setInvalid(false));
        Set<ConstraintViolation<T>> violations = validator.validate(command);
        for (ConstraintViolation<T> violation : violations) {
            String property = lastNode(violation.getPropertyPath().toString());
            HasValidation field = fields.get(property);
            if (field != null) {
                field.setErrorMessage(message(violation, (Component) field));
                field.setInvalid(true);
            }
        }
        return violations.isEmpty();
    }

    /** Shows a service's refusal: on the named fields when it names some, else as a notification. */
    public void show(ApiException problem, Map<String, ? extends HasValidation> fields, Component context) {
        boolean placed = false;
        for (Problem.FieldError error : problem.errors()) {
            HasValidation field = error.field() == null ? null : fields.get(error.field());
            if (field != null) {
                field.setErrorMessage(fieldMessage(context, error));
                field.setInvalid(true);
                placed = true;
            }
        }
        if (!placed) {
            notifyError(context, problem);
        }
    }

    /** A notification for a refusal, worded by its kind in the user's language. */
    public static void notifyError(Component context, ApiException problem) {
        Notification notification = Notification.show(refusal(context, problem), 6000,
                Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** A refusal in the user's language: its kind, then what exactly was refused where its code tells. */
    public static String refusal(Component context, ApiException problem) {
        String key = switch (problem) {
            case ApiException.Conflict ignored -> "error.conflict";
            case ApiException.Forbidden ignored -> "error.forbidden";
            case ApiException.NotFound ignored -> "error.notFound";
            default -> "error.invalid";
        };
        return context.getTranslation(key) + detail(context, problem);
    }

    /**
     * What exactly was refused, in the user's language: the text for the refusal's code where the bundles have
     * one; the service's own (English) wording only for an English UI; nothing more otherwise.
     */
    private static String detail(Component context, ApiException problem) {
        if (problem.code() != null && KooperaI18n.has("problem." + problem.code())) {
            return " " + context.getTranslation("problem." + problem.code());
        }
        boolean english = UI.getCurrent() == null
                || KooperaI18n.supported(UI.getCurrent().getLocale()).equals(KooperaI18n.ENGLISH);
        return english && problem.getMessage() != null ? " " + problem.getMessage() : "";
    }

    /**
     * A cell of an import report in the user's language where the service gave its code, else as the service worded
     * it (the report shows every cell's problem, so nothing is hidden behind a generic text).
     */
    public static String cellMessage(Component context, Problem.FieldError error) {
        if (error.code() == null) {
            return error.message();
        }
        Object[] params = error.params() == null ? new Object[0] : error.params().toArray();
        return context.getTranslation("problem." + error.code(), params);
    }

    /** A field's error in the user's language: by its code, or the service's wording for an English UI. */
    public static String fieldMessage(Component context, Problem.FieldError error) {
        if (error.code() != null && KooperaI18n.has("problem." + error.code())) {
            Object[] params = error.params() == null ? new Object[0] : error.params().toArray();
            return context.getTranslation("problem." + error.code(), params);
        }
        boolean english = UI.getCurrent() == null
                || KooperaI18n.supported(UI.getCurrent().getLocale()).equals(KooperaI18n.ENGLISH);
        return english ? error.message() : context.getTranslation("validation.invalidField");
    }

    private static String message(ConstraintViolation<?> violation, Component context) {
        String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
        return switch (constraint) {
            case "NotNull", "NotBlank", "NotEmpty" -> context.getTranslation("validation.required");
            case "Size" -> context.getTranslation("validation.size", attributes.get("min"), attributes.get("max"));
            case "Email" -> context.getTranslation("validation.email");
            case "Min", "Max", "PositiveOrZero", "Positive" -> context.getTranslation("validation.range");
            case "Pattern" -> context.getTranslation("validation.pattern." + lastNode(
                    violation.getPropertyPath().toString()));
            default -> violation.getMessage();
        };
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
