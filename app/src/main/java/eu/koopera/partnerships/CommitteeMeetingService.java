package eu.koopera.partnerships;

import eu.koopera.audit.AuditAction;
import eu.koopera.audit.AuditMessage;
import eu.koopera.audit.TenantAuditLog;
import eu.koopera.platform.calendar.CalendarZones;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The meetings of a twinning committee, with an RFC 5545 calendar file for each (its start and end in the meeting's
 * own time zone, with that zone's VTIMEZONE, as the networks' meetings are written). The owner's administrators and
 * network coordinators plan them; everyone who reads the twinning reads them.
 */
@Singleton
public class CommitteeMeetingService {

    private static final String PRODUCT = "-//Koopera//Twinning committee meetings//EN";
    private static final String UID_DOMAIN = "@twinning.koopera.eu";

    private final CallerContext callers;
    private final AgreementAccess access;
    private final CommitteeMeetingQueries meetings;
    private final CalendarZones zones;
    private final TenantAuditLog audit;

    public CommitteeMeetingService(CallerContext callers, AgreementAccess access, CommitteeMeetingQueries meetings,
                                   CalendarZones zones, TenantAuditLog audit) {
        this.callers = callers;
        this.access = access;
        this.meetings = meetings;
        this.zones = zones;
        this.audit = audit;
    }

    /** The committee's meetings, soonest first. */
    @Transactional(readOnly = true)
    public List<CommitteeMeeting> list(UUID agreementId) {
        requireTwinning(access.visible(agreementId, callers.requireTenantUser()));
        return meetings.list(agreementId);
    }

    /**
     * Plans a meeting.
     *
     * @throws ApiException.BadRequest for an end not after the start or an unknown time zone
     * @throws ApiException.Conflict   when the agreement is not a twinning
     */
    @Transactional
    public CommitteeMeeting add(UUID agreementId, CommitteeMeetingCommand command) {
        Caller caller = callers.requireTenantRole(Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR);
        AgreementResponse agreement = requireTwinning(access.managed(agreementId, caller));
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!command.endsAt().isAfter(command.startsAt())) {
            errors.add(Problem.FieldError.field("endsAt", "meeting.endsBeforeStart", "must be after startsAt"));
        }
        String zone = command.timeZone().strip();
        if (!zones.knows(zone)) {
            errors.add(Problem.FieldError.field("timeZone", "meeting.timeZone",
                    "must be an IANA time zone such as Europe/Riga"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException.BadRequest("The meeting is not valid.", errors).withCode("meeting.invalid");
        }
        CommitteeMeeting added = meetings.add(agreementId, agreement.owner(), new CommitteeMeetingCommand(
                command.title().strip(), command.startsAt(), command.endsAt(), zone, command.place().strip(),
                command.agenda() == null || command.agenda().isBlank() ? null : command.agenda().strip()),
                caller.username());
        audit.record(AuditAction.CREATE, AgreementService.AUDIT_TYPE, agreementId, AuditMessage.named(
                "agreement.committee_meeting_added", "Planned the committee meeting " + added.title(),
                agreement.title().in(null)).with("meeting", added.title()), null, added);
        return added;
    }

    /**
     * A meeting as an RFC 5545 calendar text, for download.
     *
     * @throws ApiException.NotFound when the committee has no such meeting
     */
    @Transactional(readOnly = true)
    public String calendar(UUID agreementId, UUID meetingId) {
        requireTwinning(access.visible(agreementId, callers.requireTenantUser()));
        CommitteeMeeting meeting = meetings.find(agreementId, meetingId).orElseThrow(() -> new ApiException.NotFound(
                "The committee has no meeting with this id.").withCode("meeting.notFound"));
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(zones.vTimeZone(meeting.timeZone()));
        ZoneId zone = ZoneId.of(meeting.timeZone());
        VEvent event = new VEvent(meeting.start().atZone(zone), meeting.end().atZone(zone), meeting.title());
        event.replace(new DtStamp(Instant.now()));
        event.add(new Uid(meeting.id() + UID_DOMAIN));
        event.add(new Location(meeting.place()));
        if (meeting.agenda() != null) {
            event.add(new Description(meeting.agenda()));
        }
        calendar.add(event);
        return CalendarZones.text(calendar);
    }

    private static AgreementResponse requireTwinning(AgreementResponse agreement) {
        if (agreement.type() != AgreementType.TWINNING) {
            throw new ApiException.Conflict("Only a twinning has a twinning committee.")
                    .withCode("committee.notTwinning");
        }
        return agreement;
    }
}
