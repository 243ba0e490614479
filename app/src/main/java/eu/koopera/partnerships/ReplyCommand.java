package eu.koopera.partnerships;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A reply to an announcement on behalf of one of the replying association's members.
 *
 * @param memberId the member that would be the partner
 * @param message  what it offers, up to 4,000 characters
 */
@Serdeable
public record ReplyCommand(@NotNull @Min(1) Long memberId, @NotBlank @Size(max = 4000) String message) {
}
