package eu.koopera.partnerships;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Settings of partnerships.
 *
 * @param reviewReminderDays how many days before an agreement's next review its creator is reminded by e-mail
 *                           ({@code KOOPERA_PARTNERSHIPS_REVIEW_REMINDER_DAYS}, default 14)
 */
@ConfigurationProperties("koopera.partnerships")
public record PartnershipSettings(@Bindable(defaultValue = "14") @Min(0) @Max(365) int reviewReminderDays) {
}
