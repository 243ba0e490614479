package eu.koopera.events;

import eu.koopera.accounts.AccountService;
import eu.koopera.accounts.TenantUser;
import eu.koopera.networks.CalendarFile;
import eu.koopera.networks.LocalizedText;
import eu.koopera.networks.NetworkService;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import eu.koopera.tenancy.TenantRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * Events: the staff (administrators and coordinators) of an association create them; the owner's staff change
 * them and add co-organising associations; every user of an organising association reads them, drafts excepted.
 * Raising the capacity or a seat quota offers the freed places to the waitlist in the same transaction; the
 * capacity never drops below the places already confirmed or offered.
 */
@Singleton
public class EventService {

    private static final int TITLE_LENGTH = 300;
    private static final int DESCRIPTION_LENGTH = 20_000;

    private final CallerContext callers;
    private final EventQueries events;
    private final EventAccess access;
    private final SeatAllocator seats;
    private final RegistrationNotices notices;
    private final NetworkService networks;
    private final TenantRegistry tenants;
    private final EventCalendar calendar;
    private final AccountService accounts;
    private final Clock clock;

    public EventService(CallerContext callers, EventQueries events, EventAccess access, SeatAllocator seats,
                        RegistrationNotices notices, NetworkService networks, TenantRegistry tenants,
                        EventCalendar calendar, AccountService accounts, Clock clock) {
        this.callers = callers;
        this.events = events;
        this.access = access;
        this.seats = seats;
        this.notices = notices;
        this.networks = networks;
        this.tenants = tenants;
        this.calendar = calendar;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * Creates an event owned by the caller's association.
     *
     * @throws ApiException.BadRequest when a field is invalid
     * @throws ApiException.Forbidden  when the caller is neither administrator nor coordinator
     */
    @Transactional
    public EventResponse create(EventCommand command) {
        Caller caller = callers.requireTenantRole(Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR);
        UUID id = events.insert(caller.tenantCode(), caller.username(), validated(command));
        return access.visible(id, caller);
    }

    /**
     * Events the caller's association organises, earliest first; drafts only for its staff.
     *
     * @param from only events that have not ended by then, when given
     */
    @Transactional(readOnly = true)
    public EventPage search(@Nullable EventStatus status, @Nullable EventKind kind, @Nullable Instant from, int page,
                            int size) {
        Caller caller = callers.requireTenantUser();
        return events.search(caller.tenantCode(), EventAccess.isStaff(caller), status, kind, from, page, size);
    }

    /** @throws ApiException.NotFound when the caller's association does not organise the event */
    @Transactional(readOnly = true)
    public EventResponse get(UUID id) {
        return access.visible(id, callers.requireTenantUser());
    }

    /** The event's programme, day by day, each day's items by time. */
    @Transactional(readOnly = true)
    public List<ProgrammeDay> programme(UUID id) {
        EventResponse event = access.visible(id, callers.requireTenantUser());
        java.util.Map<LocalDate, List<ProgrammeItem>> days = new java.util.TreeMap<>();
        event.programme().forEach(item -> days.computeIfAbsent(item.day(), day -> new ArrayList<>()).add(item));
        return days.entrySet().stream().map(day -> new ProgrammeDay(day.getKey(), day.getValue())).toList();
    }

    /** The event as an RFC 5545 calendar file, its title in the caller's language. */
    @Transactional(readOnly = true)
    public CalendarFile calendar(UUID id) {
        Caller caller = callers.requireTenantUser();
        EventResponse event = access.visible(id, caller);
        String language = accounts.findTenantUser(caller.username()).map(TenantUser::locale).orElse(null);
        return new CalendarFile("event-" + event.id() + ".ics", calendar.render(event, language));
    }

    /**
     * Replaces an event's description. A higher capacity offers the new places to the waitlist.
     *
     * @throws ApiException.BadRequest when {@code version} is missing or a field is invalid
     * @throws ApiException.Conflict   when {@code version} is stale (with the current state), or the capacity is
     *                                 below the places confirmed or offered (code {@code event.capacity-below-taken})
     */
    @Transactional
    public EventResponse update(UUID id, EventCommand command) {
        Caller caller = callers.requireTenantUser();
        EventResponse current = access.managed(id, caller);
        if (command.version() == null) {
            throw new ApiException.BadRequest("Send back the version you last read.",
                    List.of(new Problem.FieldError("version", "must not be null")));
        }
        EventQueries.Event event = validated(command);
        int taken = current.counts().confirmed() + current.counts().offered();
        if (event.capacity() < taken) {
            throw new ApiException.Conflict("The capacity cannot be lower than the " + taken
                    + " places confirmed or offered.", current).withCode("event.capacity-below-taken");
        }
        if (!events.update(id, command.version(), event)) {
            throw new ApiException.Conflict("The event was changed by someone else; here is its current state.",
                    current).withCode("event.stale-version");
        }
        return afterSeatChange(id, caller);
    }

    /**
     * Adds another association as co-organiser: it then sees the event and registers its own people.
     *
     * @throws ApiException.BadRequest for an unknown association
     * @throws ApiException.Conflict   when it organises the event already
     */
    @Transactional
    public EventResponse addCoOrganiser(UUID id, CoOrganiserCommand command) {
        Caller caller = callers.requireTenantUser();
        EventResponse event = access.managed(id, caller);
        String tenant = command.tenant().strip();
        if (tenants.find(tenant).isEmpty()) {
            throw new ApiException.BadRequest("There is no association with this code.",
                    List.of(new Problem.FieldError("tenant", "unknown association")));
        }
        if (event.organisedBy(tenant)) {
            throw new ApiException.Conflict("This association organises the event already.")
                    .withCode("event.organiser-exists");
        }
        events.addOrganiser(id, event.owner(), tenant, command.seatQuota(), caller.username());
        return access.visible(id, caller);
    }

    /**
     * Sets an organiser's share of the places, which applies while the event's seats are split. A larger share
     * offers places to that association's waitlisted people.
     *
     * @throws ApiException.NotFound when the association does not organise the event
     */
    @Transactional
    public EventResponse setSeatQuota(UUID id, String tenant, @Nullable Integer seatQuota) {
        Caller caller = callers.requireTenantUser();
        EventResponse event = access.managed(id, caller);
        if (!event.organisedBy(tenant)) {
            throw new ApiException.NotFound("This association does not organise the event.");
        }
        if (seatQuota != null && (seatQuota < 0 || seatQuota > 10_000)) {
            throw new ApiException.BadRequest("The seat quota is out of range.",
                    List.of(new Problem.FieldError("seatQuota", "must be between 0 and 10000")));
        }
        events.setSeatQuota(id, tenant, seatQuota);
        return afterSeatChange(id, caller);
    }

    private EventResponse afterSeatChange(UUID id, Caller caller) {
        EventResponse updated = access.visible(id, caller);
        if (seats.fill(updated, clock.instant()) > 0) {
            notices.deliver(caller.tenantCode(), id);
            updated = access.visible(id, caller);
        }
        return updated;
    }

    private EventQueries.Event validated(EventCommand command) {
        List<Problem.FieldError> errors = new ArrayList<>();
        LocalizedText title = command.title() == null ? LocalizedText.empty() : command.title().normalized();
        LocalizedText description = command.description() == null ? LocalizedText.empty()
                : command.description().normalized();
        if (title.isEmpty()) {
            errors.add(new Problem.FieldError("title", "must be given in at least one of lv, lt, en"));
        }
        if (title.longest() > TITLE_LENGTH) {
            errors.add(new Problem.FieldError("title", "must be at most " + TITLE_LENGTH + " characters"));
        }
        if (description.longest() > DESCRIPTION_LENGTH) {
            errors.add(new Problem.FieldError("description", "must be at most " + DESCRIPTION_LENGTH
                    + " characters"));
        }
        if (!command.endsAt().isAfter(command.startsAt())) {
            errors.add(new Problem.FieldError("endsAt", "must be after startsAt"));
        }
        String timeZone = command.timeZone().strip();
        if (!ZoneId.getAvailableZoneIds().contains(timeZone)) {
            errors.add(new Problem.FieldError("timeZone", "must be an IANA time zone such as Europe/Riga"));
        }
        String country = command.country().strip().toUpperCase(Locale.ROOT);
        if (!country.matches("[A-Z]{2}") || !Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2)
                .contains(country)) {
            errors.add(new Problem.FieldError("country", "must be an ISO 3166-1 alpha-2 code such as NO"));
        }
        String city = command.city().strip();
        if (command.registrationOpensAt() != null && command.registrationClosesAt() != null
                && !command.registrationClosesAt().isAfter(command.registrationOpensAt())) {
            errors.add(new Problem.FieldError("registrationClosesAt", "must be after registrationOpensAt"));
        }
        List<ProgrammeItem> programme = command.programme() == null ? List.of() : command.programme();
        LocalDate first = command.startsAt().toLocalDate();
        LocalDate last = command.endsAt().toLocalDate();
        List<ProgrammeItem> cleaned = new ArrayList<>();
        for (int i = 0; i < programme.size(); i++) {
            ProgrammeItem item = programme.get(i);
            if (item.day().isBefore(first) || item.day().isAfter(last)) {
                errors.add(new Problem.FieldError("programme[" + i + "].day", "must be a day of the event"));
            }
            cleaned.add(new ProgrammeItem(item.day(), item.time(), item.item().strip(), Texts.clean(item.speaker()),
                    Texts.clean(item.place())));
        }
        cleaned.sort(java.util.Comparator.comparing(ProgrammeItem::day)
                .thenComparing(item -> item.time() == null ? java.time.LocalTime.MIN : item.time()));
        String currency = command.currency() == null ? "EUR" : command.currency().strip().toUpperCase(Locale.ROOT);
        if (!currency.matches("[A-Z]{3}")) {
            errors.add(new Problem.FieldError("currency", "must be an ISO 4217 code such as EUR"));
        }
        if (command.networkId() != null && !networkVisible(command.networkId())) {
            errors.add(new Problem.FieldError("networkId", "no network with this id that the association takes "
                    + "part in"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException.BadRequest("The event has invalid fields.", errors);
        }
        ZoneId zone = ZoneId.of(timeZone);
        List<String> hosts = command.hostOrganisations() == null ? List.of()
                : command.hostOrganisations().stream().map(String::strip).distinct().toList();
        return new EventQueries.Event(command.kind(), title, description, command.networkId(), country, city,
                Texts.clean(command.venue()), hosts, command.startsAt(), command.endsAt(), timeZone,
                command.startsAt().atZone(zone).toInstant(), command.endsAt().atZone(zone).toInstant(), cleaned,
                command.capacity(), command.memberQuota(),
                Objects.requireNonNullElse(command.seatPool(), SeatPool.SHARED), command.registrationOpensAt(),
                command.registrationClosesAt(), command.cancellationClosesAt(),
                Boolean.TRUE.equals(command.requiresApproval()), command.costPerParticipant(), currency,
                Texts.clean(command.fundingProjectCode()), Texts.clean(command.fundingProjectName()),
                Objects.requireNonNullElse(command.status(), EventStatus.DRAFT),
                Objects.requireNonNullElse(command.offerHours(), 48),
                Objects.requireNonNullElse(command.retentionDays(), 30), command.reminderDays());
    }

    private boolean networkVisible(UUID networkId) {
        try {
            networks.get(networkId);
            return true;
        } catch (ApiException.NotFound e) {
            return false;
        }
    }

    /** The moment a local date-time of the event is. */
    static Instant instant(EventResponse event, LocalDateTime local) {
        return local.atZone(ZoneId.of(event.timeZone())).toInstant();
    }
}
