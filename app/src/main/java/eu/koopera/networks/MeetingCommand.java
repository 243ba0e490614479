package eu.koopera.networks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A meeting's description, for creating or replacing one.
 *
 * @param kind           what kind of meeting it is
 * @param title          the title in lv, lt and/or en; at least one, each up to 300 characters
 * @param startsAt       local start, in {@code timeZone}
 * @param endsAt         local end, in {@code timeZone}; after {@code startsAt}
 * @param timeZone       an IANA time zone such as {@code Europe/Riga}
 * @param place          where it takes place; this and/or {@code onlineUrl} is required
 * @param onlineUrl      an http or https link to join online
 * @param agenda         the agenda
 * @param invitedTenants the taking-part associations invited; all of them when absent or empty
 * @param minutes        the minutes, once written
 * @param recordings     http or https links to recordings
 * @param version        on replacement: the version the client last read; required, a stale one is refused
 */
@Serdeable
public record MeetingCommand(
        @NotNull MeetingKind kind,
        @NotNull @Valid LocalizedText title,
        @NotNull LocalDateTime startsAt,
        @NotNull LocalDateTime endsAt,
        @NotBlank @Size(max = 64) String timeZone,
        @Nullable @Size(max = 500) String place,
        @Nullable @Size(max = 2000) String onlineUrl,
        @Nullable @Size(max = 20_000) String agenda,
        @Nullable @Size(max = 100) List<@NotBlank @Size(max = 31) String> invitedTenants,
        @Nullable @Size(max = 100_000) String minutes,
        @Nullable @Size(max = 20) List<@NotBlank @Size(max = 2000) String> recordings,
        @Nullable Long version) {
}
