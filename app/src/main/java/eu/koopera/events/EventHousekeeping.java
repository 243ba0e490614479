package eu.koopera.events;

import eu.koopera.platform.web.ApiException;
import eu.koopera.tenancy.Admission;
import eu.koopera.tenancy.MigrationStatus;
import eu.koopera.tenancy.Tenant;
import eu.koopera.tenancy.TenantAdmission;
import eu.koopera.tenancy.TenantRegistry;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The events' scheduled work, every {@code koopera.events.housekeeping-interval}: offers whose deadline passed
 * expire and their places pass to the next on the waitlist, mails owed to registrants are sent, confirmed
 * participants are reminded once before the start, and personal data are erased once an event's retention period
 * after its end has passed (the seat facts, and so the counts, remain). Row-level
 * security lets an association read only its own registrants' addresses, so the work runs once for each active
 * association, bound to it through {@link TenantAdmission} like any request, each offer in a transaction of its
 * own that locks its event first; several replicas running it at once find the work done and skip it.
 */
@Singleton
class EventHousekeeping {

    private static final Logger LOG = LoggerFactory.getLogger(EventHousekeeping.class);
    private static final int BATCH = 100;

    private final TenantRegistry registry;
    private final TenantAdmission admission;
    private final TransactionOperations<Connection> transactions;
    private final RegistrationQueries registrations;
    private final EventAccess access;
    private final SeatAllocator seats;
    private final RegistrationNotices notices;
    private final HousekeepingQueries housekeeping;
    private final EventQueries events;
    private final Clock clock;

    EventHousekeeping(TenantRegistry registry, TenantAdmission admission,
                      TransactionOperations<Connection> transactions, RegistrationQueries registrations,
                      EventAccess access, SeatAllocator seats, RegistrationNotices notices,
                      HousekeepingQueries housekeeping, EventQueries events, Clock clock) {
        this.registry = registry;
        this.admission = admission;
        this.transactions = transactions;
        this.registrations = registrations;
        this.access = access;
        this.seats = seats;
        this.notices = notices;
        this.housekeeping = housekeeping;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${koopera.events.housekeeping-interval:1m}",
            initialDelay = "${koopera.events.housekeeping-interval:1m}")
    void runScheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.error("Event housekeeping failed; it runs again at the next interval", e);
        }
    }

    /** Runs the work for every active association whose schema is current; returns how many offers expired. */
    int run() {
        Instant now = clock.instant();
        int expired = 0;
        for (Tenant tenant : registry.all()) {
            if (!tenant.isActive() || tenant.migrationStatus() != MigrationStatus.CURRENT) {
                continue;
            }
            try {
                expired += admission.callAs(Admission.of(tenant), () -> runFor(tenant.code(), now));
            } catch (RuntimeException e) {
                LOG.error("Event housekeeping failed for {}", tenant.code(), e);
            }
        }
        return expired;
    }

    private int runFor(String tenant, Instant now) {
        int expired = 0;
        List<RegistrationQueries.Seat> due;
        do {
            due = transactions.executeRead(status -> registrations.expiredOffers(tenant, now, BATCH));
            for (RegistrationQueries.Seat offer : due) {
                if (Boolean.TRUE.equals(transactions.executeWrite(status -> expire(tenant, offer, now)))) {
                    expired++;
                }
            }
        } while (due.size() == BATCH);
        transactions.executeWrite(status -> notices.deliver(tenant, null));
        int reminded;
        do {
            reminded = transactions.executeWrite(status -> remind(tenant, now));
        } while (reminded == BATCH);
        int erased = transactions.executeWrite(status -> housekeeping.erasePersonalData(tenant, now));
        if (erased > 0) {
            LOG.info("Erased the personal data of {} registrants of {} past their events' retention", erased, tenant);
        }
        return expired;
    }

    /** Sends one batch of due reminders, each marked sent in the same transaction; returns how many. */
    private int remind(String tenant, Instant now) {
        List<HousekeepingQueries.Reminder> due = housekeeping.remindersDue(tenant, now, BATCH);
        Map<UUID, Optional<EventResponse>> byId = new HashMap<>();
        for (HousekeepingQueries.Reminder reminder : due) {
            housekeeping.markReminded(reminder.registrationId(), now);
            Optional<EventResponse> event = byId.computeIfAbsent(reminder.eventId(),
                    id -> events.find(id, tenant));
            if (reminder.email() != null && event.isPresent()) {
                notices.send(tenant, "event.reminder", event.get(), reminder.fullName(), reminder.email(),
                        reminder.language(), "");
            }
        }
        return due.size();
    }

    /** Expires one offer, if it is still open and due once its event is locked, and passes its place on. */
    private boolean expire(String tenant, RegistrationQueries.Seat offer, Instant now) {
        EventResponse event;
        try {
            event = access.locked(offer.eventId(), tenant);
        } catch (ApiException.NotFound e) {
            return false;
        }
        RegistrationQueries.Seat current = registrations.find(offer.id()).orElse(null);
        if (current == null || current.status() != RegistrationStatus.OFFERED || current.offerExpiresAt() == null
                || current.offerExpiresAt().isAfter(now)) {
            return false;
        }
        registrations.settle(offer.id(), RegistrationStatus.EXPIRED, Notice.EXPIRED, null, null);
        seats.fill(event, now);
        return true;
    }
}
