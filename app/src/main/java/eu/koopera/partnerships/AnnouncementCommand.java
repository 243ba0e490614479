package eu.koopera.partnerships;

import eu.koopera.networks.LocalizedText;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * A "looking for a partner" announcement.
 *
 * @param memberId the association's member looking for a partner
 * @param theme    what the partnership would be about
 * @param text     the announcement in lv, lt and/or en
 * @param deadline the last day replies are taken; today or later
 */
@Serdeable
public record AnnouncementCommand(@NotNull @Min(1) Long memberId, @NotBlank @Size(max = 200) String theme,
                                  @NotNull @Valid LocalizedText text, @NotNull LocalDate deadline) {
}
