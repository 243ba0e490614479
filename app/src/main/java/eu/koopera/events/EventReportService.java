package eu.koopera.events;

import eu.koopera.networks.NetworkService;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * After the event: the owner's staff write the report (lessons learned, materials, follow-up actions, each
 * optionally tied to a network the owner takes part in), which every organiser reads; each confirmed participant
 * answers the feedback questionnaire once, from the event's start on, and every organiser's staff reads the
 * combined results.
 */
@Singleton
public class EventReportService {

    private final CallerContext callers;
    private final EventAccess access;
    private final ReportQueries reports;
    private final RegistrationQueries registrations;
    private final Registrants registrants;
    private final NetworkService networks;
    private final Clock clock;

    public EventReportService(CallerContext callers, EventAccess access, ReportQueries reports,
                              RegistrationQueries registrations, Registrants registrants, NetworkService networks,
                              Clock clock) {
        this.callers = callers;
        this.access = access;
        this.reports = reports;
        this.registrations = registrations;
        this.registrants = registrants;
        this.networks = networks;
        this.clock = clock;
    }

    /** The event's report; empty (with a null version) until it is written. */
    @Transactional(readOnly = true)
    public EventReportResponse report(UUID eventId) {
        EventResponse event = access.visible(eventId, callers.requireTenantUser());
        return reports.report(event.id()).orElseGet(() -> new EventReportResponse(event.id(), null, List.of(),
                List.of(), null, null, null));
    }

    /**
     * Writes or replaces the report.
     *
     * @throws ApiException.BadRequest when a link or network is invalid, or {@code version} is missing on a
     *                                 replacement
     * @throws ApiException.Conflict   when {@code version} is stale ({@code report.stale-version}, with the current
     *                                 report)
     */
    @Transactional
    public EventReportResponse saveReport(UUID eventId, EventReportCommand command) {
        Caller caller = callers.requireTenantUser();
        EventResponse event = access.managed(eventId, caller);
        List<EventReportCommand.Material> materials = Objects.requireNonNullElse(command.materials(), List.of());
        List<EventReportCommand.FollowUp> followUps = Objects.requireNonNullElse(command.followUps(), List.of());
        validate(materials, followUps);
        String lessons = Texts.clean(command.lessonsLearned());
        var current = reports.report(eventId);
        if (current.isEmpty()) {
            reports.insert(eventId, event.owner(), lessons, materials, followUps, caller.username());
        } else if (command.version() == null) {
            throw new ApiException.BadRequest("Send back the version you last read.",
                    List.of(new Problem.FieldError("version", "must not be null")));
        } else if (!reports.update(eventId, command.version(), lessons, materials, followUps, caller.username())) {
            throw new ApiException.Conflict("The report was changed by someone else; here is its current state.",
                    current.get()).withCode("report.stale-version");
        }
        return reports.report(eventId).orElseThrow();
    }

    /**
     * Records a participant's feedback, given by the participant or their association's staff.
     *
     * @throws ApiException.Conflict when the registration is not confirmed ({@code registration.not-confirmed}), the
     *                               event has not started ({@code feedback.too-early}) or feedback was given
     *                               already ({@code feedback.given-already})
     */
    @Transactional
    public void giveFeedback(UUID registrationId, FeedbackCommand command) {
        Caller caller = callers.requireTenantUser();
        RegistrationQueries.Seat seat = registrations.find(registrationId)
                .orElseThrow(RegistrationService::notFound);
        registrants.requireActsFor(seat, caller);
        EventResponse event = access.visible(seat.eventId(), caller);
        if (seat.status() != RegistrationStatus.CONFIRMED) {
            throw new ApiException.Conflict("Only confirmed participants give feedback.")
                    .withCode("registration.not-confirmed");
        }
        if (clock.instant().isBefore(EventService.instant(event, event.startsAt()))) {
            throw new ApiException.Conflict("Feedback opens when the event starts.").withCode("feedback.too-early");
        }
        if (!reports.giveFeedback(registrationId, event.id(), seat.tenant(), command.rating(),
                Texts.clean(command.comment()))) {
            throw new ApiException.Conflict("Feedback for this registration was given already.")
                    .withCode("feedback.given-already");
        }
    }

    /** The questionnaire's results for the organisers' staff. */
    @Transactional(readOnly = true)
    public FeedbackResults feedback(UUID eventId) {
        Caller caller = callers.requireTenantUser();
        if (!EventAccess.isStaff(caller)) {
            throw new ApiException.Forbidden("Only administrators and coordinators read the feedback.")
                    .withCode("event.staff-only");
        }
        return results(access.visible(eventId, caller).id());
    }

    private FeedbackResults results(UUID eventId) {
        List<ReportQueries.Feedback> answers = reports.feedback(eventId);
        Map<Integer, Integer> distribution = new LinkedHashMap<>();
        for (int rating = 1; rating <= 5; rating++) {
            distribution.put(rating, 0);
        }
        List<String> comments = new ArrayList<>();
        for (ReportQueries.Feedback answer : answers) {
            distribution.merge(answer.rating(), 1, Integer::sum);
            if (answer.comment() != null) {
                comments.add(answer.comment());
            }
        }
        Double average = answers.isEmpty() ? null : Math.round(answers.stream()
                .mapToInt(ReportQueries.Feedback::rating).average().orElse(0) * 100) / 100.0;
        return new FeedbackResults(answers.size(), average, distribution, comments);
    }

    private void validate(List<EventReportCommand.Material> materials, List<EventReportCommand.FollowUp> followUps) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < materials.size(); i++) {
            if (!isWebLink(materials.get(i).url().strip())) {
                errors.add(new Problem.FieldError("materials[" + i + "].url", "must be an http or https link"));
            }
        }
        for (int i = 0; i < followUps.size(); i++) {
            UUID network = followUps.get(i).networkId();
            if (network != null && !networkVisible(network)) {
                errors.add(new Problem.FieldError("followUps[" + i + "].networkId",
                        "no network with this id that the association takes part in"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException.BadRequest("The report has invalid fields.", errors);
        }
    }

    private boolean networkVisible(UUID networkId) {
        try {
            networks.get(networkId);
            return true;
        } catch (ApiException.NotFound e) {
            return false;
        }
    }

    private static boolean isWebLink(String link) {
        try {
            URI uri = new URI(link);
            return uri.getScheme() != null && (uri.getScheme().equalsIgnoreCase("http")
                    || uri.getScheme().equalsIgnoreCase("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
