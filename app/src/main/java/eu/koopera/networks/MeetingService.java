package eu.koopera.networks;

import eu.koopera.accounts.AccountService;
import eu.koopera.accounts.TenantUser;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Meetings of a network: the owner's administrators and the network's coordinators plan them, change them and
 * record who attended; every user of a taking-part association reads them and downloads them as calendar files.
 * A meeting of a network the caller's association does not take part in does not exist for them (404). Every
 * change is written to the network's feed in the same transaction.
 */
@Singleton
public class MeetingService {

    private static final int TITLE_LENGTH = 300;

    private final CallerContext callers;
    private final NetworkAccess access;
    private final MeetingQueries meetings;
    private final ParticipationQueries participation;
    private final FeedQueries feed;
    private final MeetingCalendar calendar;
    private final AccountService accounts;

    public MeetingService(CallerContext callers, NetworkAccess access, MeetingQueries meetings,
                          ParticipationQueries participation, FeedQueries feed, MeetingCalendar calendar,
                          AccountService accounts) {
        this.callers = callers;
        this.access = access;
        this.meetings = meetings;
        this.participation = participation;
        this.feed = feed;
        this.calendar = calendar;
        this.accounts = accounts;
    }

    /**
     * Plans a meeting of a network the caller manages.
     *
     * @throws ApiException.BadRequest when a field is invalid
     */
    @Transactional
    public MeetingResponse create(UUID networkId, MeetingCommand command) {
        Caller caller = callers.requireTenantUser();
        NetworkResponse network = access.managed(networkId, caller);
        MeetingQueries.Meeting meeting = validated(command, network);
        MeetingResponse created = meetings.insert(network.id(), network.owner(), caller.username(), meeting);
        feed.append(network.id(), caller.tenantCode(), caller.username(), FeedKind.MEETING_CREATED,
                feedParameters(created));
        return created;
    }

    /** The meetings of a network the caller's association takes part in, earliest first. */
    @Transactional(readOnly = true)
    public List<MeetingResponse> list(UUID networkId) {
        NetworkResponse network = access.visible(networkId, callers.requireTenantUser());
        return meetings.ofNetwork(network.id());
    }

    @Transactional(readOnly = true)
    public MeetingResponse get(UUID id) {
        return visible(id, callers.requireTenantUser());
    }

    /**
     * Replaces a meeting's description.
     *
     * @throws ApiException.BadRequest when {@code version} is missing or a field is invalid
     * @throws ApiException.Conflict   when {@code version} is stale (with the current state)
     */
    @Transactional
    public MeetingResponse update(UUID id, MeetingCommand command) {
        Caller caller = callers.requireTenantUser();
        MeetingResponse current = visible(id, caller);
        NetworkResponse network = access.managed(current.networkId(), caller);
        requireVersion(command.version());
        MeetingQueries.Meeting meeting = validated(command, network);
        MeetingResponse updated = meetings.update(id, command.version(), meeting)
                .orElseThrow(() -> stale(current));
        feed.append(network.id(), caller.tenantCode(), caller.username(), FeedKind.MEETING_UPDATED,
                feedParameters(updated));
        return updated;
    }

    /**
     * Records who attended, replacing what was recorded. Municipalities must take part in the network; a named
     * person must come from a taking-part association.
     *
     * @throws ApiException.BadRequest when {@code version} is missing or an attendee is invalid
     * @throws ApiException.Conflict   when {@code version} is stale (with the current state)
     */
    @Transactional
    public MeetingResponse recordAttendance(UUID id, AttendanceCommand command) {
        Caller caller = callers.requireTenantUser();
        MeetingResponse current = visible(id, caller);
        NetworkResponse network = access.managed(current.networkId(), caller);
        requireVersion(command.version());
        List<Attendee> attendees = new ArrayList<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < command.attendees().size(); i++) {
            Attendee attendee = command.attendees().get(i);
            String field = "attendees[" + i + "]";
            String tenant = attendee.tenant().strip();
            String name = attendee.name() == null || attendee.name().isBlank() ? null : attendee.name().strip();
            if (!network.tenants().contains(tenant)) {
                errors.add(new Problem.FieldError(field + ".tenant", "does not take part in the network"));
            } else if (attendee.memberId() != null) {
                var member = participation.member(network.id(), tenant, attendee.memberId());
                if (member.isEmpty()) {
                    errors.add(new Problem.FieldError(field + ".memberId", "does not take part in the network"));
                } else {
                    attendees.add(new Attendee(tenant, attendee.memberId(),
                            name == null ? member.get().memberName() : name));
                }
            } else if (name == null) {
                errors.add(new Problem.FieldError(field + ".name", "must name the attendee or give memberId"));
            } else {
                attendees.add(new Attendee(tenant, null, name));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException.BadRequest("The attendance has invalid entries.", errors);
        }
        MeetingResponse updated = meetings.recordAttendance(id, command.version(), attendees)
                .orElseThrow(() -> stale(current));
        Map<String, Object> parameters = new LinkedHashMap<>(feedParameters(updated));
        parameters.put("attendees", attendees.size());
        feed.append(network.id(), caller.tenantCode(), caller.username(), FeedKind.MEETING_ATTENDANCE_RECORDED,
                parameters);
        return updated;
    }

    /** The meeting as an iCalendar file, its title in the caller's language. */
    @Transactional(readOnly = true)
    public CalendarFile calendar(UUID id) {
        Caller caller = callers.requireTenantUser();
        MeetingResponse meeting = visible(id, caller);
        String language = accounts.findTenantUser(caller.username()).map(TenantUser::locale).orElse(null);
        return new CalendarFile("meeting-" + meeting.id() + ".ics",
                calendar.render(List.of(meeting), language, null));
    }

    private MeetingResponse visible(UUID id, Caller caller) {
        return meetings.find(id, caller.tenantCode())
                .orElseThrow(() -> new ApiException.NotFound("No meeting with this id."));
    }

    private static void requireVersion(@Nullable Long version) {
        if (version == null) {
            throw new ApiException.BadRequest("Send back the version you last read.",
                    List.of(new Problem.FieldError("version", "must not be null")));
        }
    }

    private static ApiException stale(MeetingResponse current) {
        return new ApiException.Conflict("The meeting was changed by someone else; here is its current state.",
                current);
    }

    private MeetingQueries.Meeting validated(MeetingCommand command, NetworkResponse network) {
        List<Problem.FieldError> errors = new ArrayList<>();
        LocalizedText title = command.title().normalized();
        if (title.isEmpty()) {
            errors.add(new Problem.FieldError("title", "must be given in at least one of lv, lt, en"));
        }
        if (title.longest() > TITLE_LENGTH) {
            errors.add(new Problem.FieldError("title", "must be at most " + TITLE_LENGTH + " characters"));
        }
        if (!command.endsAt().isAfter(command.startsAt())) {
            errors.add(new Problem.FieldError("endsAt", "must be after startsAt"));
        }
        String timeZone = command.timeZone().strip();
        if (!calendar.knows(timeZone)) {
            errors.add(new Problem.FieldError("timeZone", "must be an IANA time zone such as Europe/Riga"));
        }
        String place = blankToNull(command.place());
        String onlineUrl = blankToNull(command.onlineUrl());
        if (place == null && onlineUrl == null) {
            errors.add(new Problem.FieldError("place", "give a place, an online link or both"));
        }
        if (onlineUrl != null && !isWebLink(onlineUrl)) {
            errors.add(new Problem.FieldError("onlineUrl", "must be an http or https link"));
        }
        List<String> recordings = new ArrayList<>();
        List<String> given = command.recordings() == null ? List.of() : command.recordings();
        for (int i = 0; i < given.size(); i++) {
            String link = given.get(i).strip();
            if (!isWebLink(link)) {
                errors.add(new Problem.FieldError("recordings[" + i + "]", "must be an http or https link"));
            }
            recordings.add(link);
        }
        List<String> invited = command.invitedTenants() == null || command.invitedTenants().isEmpty()
                ? network.tenants() : command.invitedTenants().stream().map(String::strip).distinct().toList();
        if (!network.tenants().containsAll(invited)) {
            errors.add(new Problem.FieldError("invitedTenants", "must take part in the network"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException.BadRequest("The meeting has invalid fields.", errors);
        }
        return new MeetingQueries.Meeting(command.kind(), title, command.startsAt(), command.endsAt(), timeZone,
                place, onlineUrl, blankToNull(command.agenda()), blankToNull(command.minutes()), recordings, invited);
    }

    private static Map<String, Object> feedParameters(MeetingResponse meeting) {
        return Map.of("meetingId", meeting.id().toString(), "title", meeting.title().asMap(),
                "kind", meeting.kind().name(),
                "startsAt", meeting.startsAt().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME),
                "timeZone", meeting.timeZone());
    }

    /** An absolute http or https link with a host; other schemes (javascript:, file:) would reach calendars. */
    private static boolean isWebLink(String link) {
        try {
            URI uri = new URI(link);
            return uri.getScheme() != null && (uri.getScheme().equalsIgnoreCase("http")
                    || uri.getScheme().equalsIgnoreCase("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
