package eu.koopera.events;

import eu.koopera.networks.LocalizedText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An event's description, for creating or replacing one. Every date-time is local in {@code timeZone}.
 *
 * @param kind                  what kind of event it is
 * @param title                 the title in lv, lt and/or en; at least one, each up to 300 characters
 * @param description           the description in lv, lt and/or en, each up to 20,000 characters
 * @param networkId             the cooperation network it belongs to, one the owner takes part in
 * @param country               destination country, ISO 3166-1 alpha-2 (such as {@code NO})
 * @param city                  destination city
 * @param venue                 the venue
 * @param hostOrganisations     the organisations hosting the visit
 * @param startsAt              local start
 * @param endsAt                local end, after {@code startsAt}
 * @param timeZone              an IANA time zone such as {@code Europe/Oslo}
 * @param programme             the programme by day; each day within the event
 * @param capacity              places in all, 1 to 10,000; never below the places already taken
 * @param memberQuota           at most this many active registrations per municipality; no limit when absent
 * @param seatPool              how co-organisers share the places (SHARED when absent)
 * @param registrationOpensAt   registrations are taken from then; at once when absent
 * @param registrationClosesAt  and until then; until the start when absent
 * @param cancellationClosesAt  participants may cancel themselves until then; until the start when absent
 * @param requiresApproval      whether registrations wait for an organiser's approval
 * @param costPerParticipant    the cost per participant
 * @param currency              its ISO 4217 currency (EUR when absent)
 * @param fundingProjectCode    the code of the project paying for it
 * @param fundingProjectName    that project's name
 * @param status                where it stands (DRAFT when absent)
 * @param offerHours            how long an offer of a freed place stays open, in hours (48 when absent)
 * @param retentionDays         personal data are erased this many days after the end (30 when absent)
 * @param reminderDays          confirmed participants are reminded this many days before the start; none when
 *                              absent
 * @param version               on replacement: the version the client last read; required, a stale one is refused
 */
@Serdeable
public record EventCommand(
        @NotNull EventKind kind,
        @NotNull @Valid LocalizedText title,
        @Nullable @Valid LocalizedText description,
        @Nullable UUID networkId,
        @NotBlank @Size(max = 2) String country,
        @NotBlank @Size(max = 200) String city,
        @Nullable @Size(max = 500) String venue,
        @Nullable @Size(max = 20) List<@NotBlank @Size(max = 300) String> hostOrganisations,
        @NotNull LocalDateTime startsAt,
        @NotNull LocalDateTime endsAt,
        @NotBlank @Size(max = 64) String timeZone,
        @Nullable @Size(max = 200) List<@NotNull @Valid ProgrammeItem> programme,
        @NotNull @Min(1) @Max(10_000) Integer capacity,
        @Nullable @Min(1) @Max(10_000) Integer memberQuota,
        @Nullable SeatPool seatPool,
        @Nullable LocalDateTime registrationOpensAt,
        @Nullable LocalDateTime registrationClosesAt,
        @Nullable LocalDateTime cancellationClosesAt,
        @Nullable Boolean requiresApproval,
        @Nullable @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal costPerParticipant,
        @Nullable @Size(min = 3, max = 3) String currency,
        @Nullable @Size(max = 100) String fundingProjectCode,
        @Nullable @Size(max = 300) String fundingProjectName,
        @Nullable EventStatus status,
        @Nullable @Min(1) @Max(720) Integer offerHours,
        @Nullable @Min(0) @Max(3650) Integer retentionDays,
        @Nullable @Min(1) @Max(60) Integer reminderDays,
        @Nullable Long version) {
}
