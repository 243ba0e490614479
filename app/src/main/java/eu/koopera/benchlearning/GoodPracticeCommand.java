package eu.koopera.benchlearning;

import eu.koopera.networks.LocalizedText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A good-practice example, for creating or replacing one.
 *
 * @param member      the member organisation whose practice it is
 * @param title       the title in lv, lt and/or en, each up to 200 characters
 * @param description what they do and why it works
 * @param indicators  codes of the indicators it explains, at most 20
 * @param links       http(s) addresses of its documents, at most 10
 * @param version     on replacement: the version the client last read
 */
@Serdeable
public record GoodPracticeCommand(
        @NotNull Long member,
        @NotNull @Valid LocalizedText title,
        @NotBlank @Size(max = 8000) String description,
        @Nullable @Size(max = 20) List<@NotNull @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$") String>
                indicators,
        @Nullable @Size(max = 10) List<@NotNull @Size(max = 500) @Pattern(regexp = "^https?://\\S+$",
                message = "must be an http(s) address") String> links,
        @Nullable Long version) {
}
