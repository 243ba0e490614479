package eu.koopera.events;

import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The seat rules, applied while the event's row is locked, from the seat facts of every organising association:
 * never more places confirmed or offered than the capacity, nor, when the seats are split, than an association's
 * quota. Every free place goes to the first on the waitlist who may take it, as an offer with a deadline.
 */
@Singleton
class SeatAllocator {

    private final RegistrationQueries registrations;

    SeatAllocator(RegistrationQueries registrations) {
        this.registrations = registrations;
    }

    /** Whether a person of {@code tenant} may take a place now. The event must be locked. */
    boolean hasPlaceFor(EventResponse event, String tenant) {
        return hasPlaceFor(event, tenant, registrations.placesTaken(event.id()));
    }

    /**
     * Offers every free place to the first on the waitlist who may take it, deadline {@code offerHours} from
     * {@code now} (or the event's start, if that comes first). The event must be locked.
     *
     * @return how many offers were made
     */
    int fill(EventResponse event, Instant now) {
        Map<String, Integer> taken = registrations.placesTaken(event.id());
        int offers = 0;
        if (total(taken) >= event.capacity()) {
            return 0;
        }
        Instant deadline = deadline(event, now);
        for (RegistrationQueries.Seat waiting : registrations.waitlist(event.id())) {
            if (total(taken) >= event.capacity()) {
                break;
            }
            if (hasPlaceFor(event, waiting.tenant(), taken)) {
                registrations.offer(waiting.id(), deadline);
                taken.merge(waiting.tenant(), 1, Integer::sum);
                offers++;
            }
        }
        return offers;
    }

    private static Instant deadline(EventResponse event, Instant now) {
        Instant deadline = now.plus(Duration.ofHours(event.offerHours()));
        Instant start = EventService.instant(event, event.startsAt());
        return start.isAfter(now) && start.isBefore(deadline) ? start : deadline;
    }

    private static boolean hasPlaceFor(EventResponse event, String tenant, Map<String, Integer> taken) {
        if (total(taken) >= event.capacity()) {
            return false;
        }
        if (event.seatPool() == SeatPool.SHARED) {
            return true;
        }
        Integer quota = event.organisers().stream().filter(organiser -> organiser.tenant().equals(tenant))
                .findFirst().map(OrganiserResponse::seatQuota).orElse(0);
        return quota == null || taken.getOrDefault(tenant, 0) < quota;
    }

    private static int total(Map<String, Integer> taken) {
        return taken.values().stream().mapToInt(Integer::intValue).sum();
    }
}
