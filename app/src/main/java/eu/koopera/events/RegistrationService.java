package eu.koopera.events;

import eu.koopera.people.MeResponse;
import eu.koopera.people.PeopleService;
import eu.koopera.people.PersonResponse;
import eu.koopera.platform.mail.MailMessages;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import eu.koopera.tenancy.Tenant;
import eu.koopera.tenancy.TenantRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.UUID;

/**
 * Registrations for events. A user registers themselves; an association's staff register people of its members.
 * Every change locks the event's row first, so that concurrent registrations, cancellations and offers of every
 * organising association queue there and the seat rules of {@link SeatAllocator} see every place taken. A place
 * freed by a cancellation, rejection, declined or expired offer is offered to the waitlist in the same
 * transaction. Each refusal carries a stable {@code code}.
 */
@Singleton
public class RegistrationService {

    private static final Set<String> LANGUAGES = Set.of("lv", "lt", "en");

    private final CallerContext callers;
    private final EventAccess access;
    private final RegistrationQueries registrations;
    private final SeatAllocator seats;
    private final RegistrationNotices notices;
    private final Registrants registrants;
    private final PeopleService people;
    private final TenantRegistry tenants;
    private final MailMessages messages;
    private final Clock clock;

    public RegistrationService(CallerContext callers, EventAccess access, RegistrationQueries registrations,
                               SeatAllocator seats, RegistrationNotices notices, Registrants registrants,
                               PeopleService people, TenantRegistry tenants, MailMessages messages, Clock clock) {
        this.callers = callers;
        this.access = access;
        this.registrations = registrations;
        this.seats = seats;
        this.notices = notices;
        this.registrants = registrants;
        this.people = people;
        this.tenants = tenants;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Registers the caller, or with {@code personId} a person of one of the caller's association's members (staff
     * only). The registration is PENDING when the event needs approval, else CONFIRMED while a place is free for
     * the person's association, else WAITLISTED at the end of the line.
     *
     * @throws ApiException.BadRequest for an unknown person, or needs given without consent
     * @throws ApiException.Forbidden  when a user who is not staff registers someone else
     * @throws ApiException.Conflict   when the event takes no registrations now ({@code registration.closed},
     *                                 {@code registration.not-yet-open}, {@code event.cancelled}), the person is
     *                                 registered already ({@code registration.duplicate}) or the municipality's
     *                                 quota is reached ({@code registration.member-quota})
     */
    @Transactional
    public RegistrationResponse register(UUID eventId, RegistrationCommand command) {
        Caller caller = callers.requireTenantUser();
        Registrant registrant = registrant(caller, command);
        String dietary = Texts.clean(command.dietaryNeeds());
        String accessibility = Texts.clean(command.accessibilityNeeds());
        boolean consent = Boolean.TRUE.equals(command.consent());
        if ((dietary != null || accessibility != null) && !consent) {
            throw new ApiException.BadRequest("Needs are recorded only with the person's consent.",
                    List.of(new Problem.FieldError("consent", "must be true when needs are given")))
                    .withCode("registration.consent-required");
        }
        EventResponse event = access.locked(eventId, caller);
        Instant now = clock.instant();
        requireOpen(event, now);
        String tenant = caller.tenantCode();
        if (registrations.activeExists(eventId, tenant, registrant.personId())) {
            throw new ApiException.Conflict("This person is registered for the event already.")
                    .withCode("registration.duplicate");
        }
        if (event.memberQuota() != null
                && registrations.activeOfMember(eventId, tenant, registrant.memberId()) >= event.memberQuota()) {
            throw new ApiException.Conflict("The municipality has its " + event.memberQuota()
                    + " registrations for the event already.").withCode("registration.member-quota");
        }
        RegistrationStatus status = event.requiresApproval() ? RegistrationStatus.PENDING
                : seats.hasPlaceFor(event, tenant) ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITLISTED;
        UUID id = registrations.insert(eventId, tenant, registrant.memberId(), registrant.memberName(),
                registrant.personId(), command.role() == null ? ParticipantRole.STAFF : command.role(), status,
                registrations.nextSequence(), caller.username(), Notice.valueOf(status.name()));
        registrations.insertPersonal(id, tenant, new PersonalDetails(registrant.personId(), registrant.fullName(),
                registrant.email(), registrant.language(), dietary, accessibility, consent ? now : null),
                consent ? consentText(registrant.language(), event) : null, consent ? now : null);
        notices.deliver(tenant, eventId);
        return registrations.response(id).orElseThrow();
    }

    /**
     * The event's registrations with {@code status} (all when null), in arrival order: every registration for the
     * organisers' staff, personal data only of their own association's registrants; one's own for other users.
     */
    @Transactional(readOnly = true)
    public List<RegistrationResponse> list(UUID eventId, @Nullable RegistrationStatus status) {
        Caller caller = callers.requireTenantUser();
        access.visible(eventId, caller);
        if (EventAccess.isStaff(caller)) {
            return registrations.ofEvent(eventId, status);
        }
        Long personId = registrants.ownPersonId();
        return personId == null ? List.of() : registrations.ofPerson(caller.tenantCode(), personId, eventId).stream()
                .filter(registration -> status == null || registration.status() == status).toList();
    }

    /** The caller's own registrations for every event, in arrival order: the member portal's "my events". */
    @Transactional(readOnly = true)
    public List<RegistrationResponse> mine() {
        Caller caller = callers.requireTenantUser();
        Long personId = registrants.ownPersonId();
        return personId == null ? List.of() : registrations.ofPerson(caller.tenantCode(), personId, null);
    }

    /** @throws ApiException.NotFound unless the caller is on an organiser's staff or the registrant */
    @Transactional(readOnly = true)
    public RegistrationResponse get(UUID id) {
        Caller caller = callers.requireTenantUser();
        RegistrationQueries.Seat seat = seat(id);
        if (!EventAccess.isStaff(caller) && !registrants.isOwn(seat, caller)) {
            throw notFound();
        }
        return registrations.response(id).orElseThrow(RegistrationService::notFound);
    }

    /**
     * Cancels an active registration, for the registrant (until the event's cancellation cut-off) or their
     * association's staff (at any time); a place it held is offered to the waitlist.
     *
     * @throws ApiException.Conflict when it is not active ({@code registration.not-active}) or the cut-off has
     *                               passed ({@code registration.cancellation-closed})
     */
    @Transactional
    public RegistrationResponse cancel(UUID id) {
        Caller caller = callers.requireTenantUser();
        Locked locked = lockActingFor(id, caller);
        if (!locked.seat().status().isActive()) {
            throw notActive(locked.seat());
        }
        Instant now = clock.instant();
        java.time.LocalDateTime cutOff = locked.event().cancellationClosesAt() != null
                ? locked.event().cancellationClosesAt() : locked.event().startsAt();
        if (!EventAccess.isStaff(caller) && now.isAfter(EventService.instant(locked.event(), cutOff))) {
            throw new ApiException.Conflict("Registrations for this event can no longer be cancelled here; ask "
                    + "your association.").withCode("registration.cancellation-closed");
        }
        registrations.settle(id, RegistrationStatus.CANCELLED, Notice.CANCELLED, caller.username(), null);
        return afterChange(locked, caller, now);
    }

    /**
     * Approves a PENDING registration: CONFIRMED while a place is free for its association, else WAITLISTED.
     *
     * @throws ApiException.Forbidden when the caller decides neither for the owner nor for the registrant's
     *                                association
     * @throws ApiException.Conflict  when it is not PENDING ({@code registration.not-pending})
     */
    @Transactional
    public RegistrationResponse approve(UUID id) {
        Caller caller = callers.requireTenantUser();
        Locked locked = lockDeciding(id, caller);
        if (locked.seat().status() != RegistrationStatus.PENDING) {
            throw new ApiException.Conflict("Only a pending registration can be approved.")
                    .withCode("registration.not-pending");
        }
        placeOrWaitlist(locked, caller);
        return afterChange(locked, caller, clock.instant());
    }

    /**
     * Rejects an active registration with a reason; a place it held is offered to the waitlist.
     *
     * @throws ApiException.BadRequest when the reason is missing
     * @throws ApiException.Conflict   when it is not active ({@code registration.not-active})
     */
    @Transactional
    public RegistrationResponse reject(UUID id, DecisionCommand command) {
        Caller caller = callers.requireTenantUser();
        String reason = command == null ? null : Texts.clean(command.reason());
        if (reason == null) {
            throw new ApiException.BadRequest("Say why the registration is rejected.",
                    List.of(new Problem.FieldError("reason", "must not be blank")));
        }
        Locked locked = lockDeciding(id, caller);
        if (!locked.seat().status().isActive()) {
            throw notActive(locked.seat());
        }
        registrations.settle(id, RegistrationStatus.REJECTED, Notice.REJECTED, caller.username(), reason);
        return afterChange(locked, caller, clock.instant());
    }

    /**
     * Confirms a registration directly, without waiting for the person: a PENDING one as {@link #approve} would,
     * an OFFERED one at once, a WAITLISTED one when a place is free for its association.
     *
     * @throws ApiException.Conflict when no place is free ({@code event.full}) or it is final
     *                               ({@code registration.not-active}) or confirmed already
     */
    @Transactional
    public RegistrationResponse confirm(UUID id) {
        Caller caller = callers.requireTenantUser();
        Locked locked = lockDeciding(id, caller);
        switch (locked.seat().status()) {
            case PENDING -> placeOrWaitlist(locked, caller);
            case OFFERED -> registrations.settle(id, RegistrationStatus.CONFIRMED, Notice.CONFIRMED,
                    caller.username(), null);
            case WAITLISTED -> {
                if (!seats.hasPlaceFor(locked.event(), locked.seat().tenant())) {
                    throw new ApiException.Conflict("No place is free for this association; raise the capacity "
                            + "or its quota first.").withCode("event.full");
                }
                registrations.settle(id, RegistrationStatus.CONFIRMED, Notice.CONFIRMED, caller.username(), null);
            }
            case CONFIRMED -> throw new ApiException.Conflict("This registration is confirmed already.")
                    .withCode("registration.confirmed-already");
            default -> throw notActive(locked.seat());
        }
        return afterChange(locked, caller, clock.instant());
    }

    /**
     * Takes an offered place, for the registrant or their association's staff, before the offer's deadline.
     *
     * @throws ApiException.Forbidden when someone else tries ({@code registration.not-yours})
     * @throws ApiException.Conflict  when nothing is offered ({@code registration.not-offered}) or the deadline has
     *                                passed ({@code registration.offer-expired})
     */
    @Transactional
    public RegistrationResponse acceptOffer(UUID id) {
        Caller caller = callers.requireTenantUser();
        Locked locked = lockActingFor(id, caller);
        Instant now = clock.instant();
        requireOffered(locked.seat(), now);
        registrations.settle(id, RegistrationStatus.CONFIRMED, Notice.CONFIRMED, caller.username(), null);
        return afterChange(locked, caller, now);
    }

    /**
     * Declines an offered place, which goes to the next on the waitlist.
     *
     * @throws ApiException.Forbidden when someone else tries ({@code registration.not-yours})
     * @throws ApiException.Conflict  when nothing is offered ({@code registration.not-offered})
     */
    @Transactional
    public RegistrationResponse declineOffer(UUID id) {
        Caller caller = callers.requireTenantUser();
        Locked locked = lockActingFor(id, caller);
        if (locked.seat().status() != RegistrationStatus.OFFERED) {
            throw notOffered();
        }
        registrations.settle(id, RegistrationStatus.CANCELLED, null, caller.username(), null);
        return afterChange(locked, caller, clock.instant());
    }

    private void placeOrWaitlist(Locked locked, Caller caller) {
        UUID id = locked.seat().id();
        if (seats.hasPlaceFor(locked.event(), locked.seat().tenant())) {
            registrations.settle(id, RegistrationStatus.CONFIRMED, Notice.CONFIRMED, caller.username(), null);
        } else {
            registrations.waitlist(id, registrations.nextSequence(), caller.username());
        }
    }

    /** Offers places freed by the change, sends the caller's association's mails, and reads the result. */
    private RegistrationResponse afterChange(Locked locked, Caller caller, Instant now) {
        seats.fill(locked.event(), now);
        notices.deliver(caller.tenantCode(), locked.event().id());
        return registrations.response(locked.seat().id()).orElseThrow(RegistrationService::notFound);
    }

    private void requireOpen(EventResponse event, Instant now) {
        if (event.status() == EventStatus.CANCELLED) {
            throw new ApiException.Conflict("The event is cancelled.").withCode("event.cancelled");
        }
        if (event.status() != EventStatus.OPEN) {
            throw new ApiException.Conflict("The event takes no registrations now.").withCode("registration.closed");
        }
        if (event.registrationOpensAt() != null
                && now.isBefore(EventService.instant(event, event.registrationOpensAt()))) {
            throw new ApiException.Conflict("Registration opens at " + event.registrationOpensAt() + " ("
                    + event.timeZone() + ").").withCode("registration.not-yet-open");
        }
        java.time.LocalDateTime closes = event.registrationClosesAt() != null ? event.registrationClosesAt()
                : event.startsAt();
        if (!now.isBefore(EventService.instant(event, closes))) {
            throw new ApiException.Conflict("Registration closed at " + closes + " (" + event.timeZone() + ").")
                    .withCode("registration.closed");
        }
    }

    private static void requireOffered(RegistrationQueries.Seat seat, Instant now) {
        if (seat.status() != RegistrationStatus.OFFERED) {
            throw notOffered();
        }
        if (seat.offerExpiresAt() != null && !now.isBefore(seat.offerExpiresAt())) {
            throw new ApiException.Conflict("The offer expired at " + seat.offerExpiresAt() + ".")
                    .withCode("registration.offer-expired");
        }
    }

    /** The registration and its event, locked, if the caller acts for the registrant. */
    private Locked lockActingFor(UUID id, Caller caller) {
        RegistrationQueries.Seat seat = seat(id);
        registrants.requireActsFor(seat, caller);
        return lock(seat, caller);
    }

    /** The registration and its event, locked, if the caller decides on it. */
    private Locked lockDeciding(UUID id, Caller caller) {
        RegistrationQueries.Seat seat = seat(id);
        EventResponse event = access.visible(seat.eventId(), caller);
        if (!EventAccess.decides(event, seat.tenant(), caller)) {
            throw new ApiException.Forbidden("Only the owning association's staff and the registrant's "
                    + "association's staff decide on registrations.").withCode("registration.not-decider");
        }
        return lock(seat, caller);
    }

    private Locked lock(RegistrationQueries.Seat seat, Caller caller) {
        EventResponse event = access.locked(seat.eventId(), caller);
        return new Locked(event, registrations.find(seat.id()).orElseThrow(RegistrationService::notFound));
    }

    private RegistrationQueries.Seat seat(UUID id) {
        return registrations.find(id).orElseThrow(RegistrationService::notFound);
    }

    private Registrant registrant(Caller caller, RegistrationCommand command) {
        if (command.personId() == null) {
            MeResponse me = people.me();
            PersonResponse person = me.person();
            if (person == null) {
                throw new ApiException.Conflict("This account is not linked to a person of a member; ask your "
                        + "association to register you.").withCode("registration.no-person");
            }
            String email = person.email() != null ? person.email() : me.user().email();
            return registrant(caller, person, email, me.user().locale());
        }
        if (!EventAccess.isStaff(caller)) {
            throw new ApiException.Forbidden("Only administrators and coordinators register other people.")
                    .withCode("registration.others-need-staff");
        }
        PersonResponse person;
        try {
            person = people.get(command.personId());
        } catch (ApiException.NotFound e) {
            throw new ApiException.BadRequest("No person with this id among the association's members' people.",
                    List.of(new Problem.FieldError("personId", "no such person in the association")))
                    .withCode("registration.unknown-person");
        }
        return registrant(caller, person, person.email(), null);
    }

    private Registrant registrant(Caller caller, PersonResponse person, @Nullable String email,
                                  @Nullable String locale) {
        String language = language(caller, person, locale);
        return new Registrant(person.id(), person.memberId(), person.memberName(),
                person.firstName() + " " + person.lastName(), email, language);
    }

    /** The account's language, else the first of the person's languages Koopera speaks, else the association's. */
    private String language(Caller caller, PersonResponse person, @Nullable String locale) {
        if (locale != null) {
            return messages.languageOf(locale).getLanguage();
        }
        return person.languages().stream().map(code -> code.toLowerCase(Locale.ROOT)).filter(LANGUAGES::contains)
                .findFirst().orElseGet(() -> messages.languageOf(tenants.find(caller.tenantCode())
                        .map(Tenant::defaultLocale).orElse("en")).getLanguage());
    }

    private static String consentText(String language, EventResponse event) {
        ResourceBundle bundle = ResourceBundle.getBundle("event_texts", Locale.of(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return java.text.MessageFormat.format(bundle.getString("consent"), event.title().in(language),
                event.retentionDays());
    }

    private static ApiException notActive(RegistrationQueries.Seat seat) {
        return new ApiException.Conflict("This registration is " + seat.status() + " already.")
                .withCode("registration.not-active");
    }

    private static ApiException notOffered() {
        return new ApiException.Conflict("No place is offered to this registration.")
                .withCode("registration.not-offered");
    }

    static ApiException notFound() {
        return new ApiException.NotFound("No registration with this id.");
    }

    private record Registrant(long personId, long memberId, String memberName, String fullName,
                              @Nullable String email, String language) {
    }

    private record Locked(EventResponse event, RegistrationQueries.Seat seat) {
    }
}
