package eu.koopera.partnerships;

import eu.koopera.audit.AuditAction;
import eu.koopera.audit.AuditMessage;
import eu.koopera.audit.TenantAuditLog;
import eu.koopera.members.MemberService;
import eu.koopera.networks.LocalizedText;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * "Looking for a partner" announcements. Every association of the platform reads them, since finding partners
 * across borders is their point; an association's administrators and network coordinators publish them for one of
 * its members and reply to other associations' announcements on behalf of one of theirs. A reply is read by the
 * association that sent it and by the announcement's owner only. An announcement takes replies until its owner
 * closes it or its deadline has passed.
 */
@Singleton
public class AnnouncementService {

    static final String AUDIT_TYPE = "partner_announcement";
    private static final int TEXT_LENGTH = 4000;

    private final CallerContext callers;
    private final MemberService members;
    private final AnnouncementQueries announcements;
    private final TenantAuditLog audit;
    private final Clock clock = Clock.systemUTC();

    public AnnouncementService(CallerContext callers, MemberService members, AnnouncementQueries announcements,
                               TenantAuditLog audit) {
        this.callers = callers;
        this.members = members;
        this.announcements = announcements;
        this.audit = audit;
    }

    /**
     * Publishes an announcement.
     *
     * @throws ApiException.BadRequest for a member not in the register, or a deadline in the past
     */
    @Transactional
    public AnnouncementResponse create(AnnouncementCommand command) {
        Caller caller = callers.requireTenantRole(Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR);
        LocalizedText text = command.text().normalized();
        List<Problem.FieldError> errors = new ArrayList<>();
        if (text.isEmpty()) {
            errors.add(Problem.FieldError.field("text", "text.oneLanguage", "needs a text in lv, lt or en"));
        } else if (text.longest() > TEXT_LENGTH) {
            errors.add(Problem.FieldError.field("text", "text.tooLong", "must be at most " + TEXT_LENGTH
                    + " characters", TEXT_LENGTH));
        }
        if (command.deadline().isBefore(today())) {
            errors.add(Problem.FieldError.field("deadline", "announcement.deadlinePast", "must be today or later"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException.BadRequest("The announcement is not valid.", errors)
                    .withCode("announcement.invalid");
        }
        String memberName = memberName(command.memberId());
        UUID id = announcements.insert(caller.tenantCode(), command.memberId(), memberName,
                new AnnouncementCommand(command.memberId(), command.theme(), text, command.deadline()),
                caller.username());
        AnnouncementResponse created = get(id);
        audit.record(AuditAction.CREATE, AUDIT_TYPE, id, AuditMessage.named("partner_announcement.created",
                "Looking for a partner: " + created.theme(), created.theme()), null, created);
        return created;
    }

    /** Announcements of all associations, open ones first by deadline; optionally by status and theme. */
    @Transactional(readOnly = true)
    public List<AnnouncementResponse> list(@Nullable AnnouncementStatus status, @Nullable String theme) {
        callers.requireTenantUser();
        return announcements.list(status, theme == null || theme.isBlank() ? null : theme.strip(), today());
    }

    /** One announcement. */
    @Transactional(readOnly = true)
    public AnnouncementResponse get(UUID id) {
        callers.requireTenantUser();
        return announcements.find(id, today()).orElseThrow(AnnouncementService::notFound);
    }

    /**
     * Closes the association's own announcement before its deadline.
     *
     * @throws ApiException.Forbidden when it is another association's
     */
    @Transactional
    public AnnouncementResponse close(UUID id) {
        Caller caller = callers.requireTenantRole(Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR);
        AnnouncementResponse before = get(id);
        if (!before.owner().equals(caller.tenantCode())) {
            throw new ApiException.Forbidden("Only the association that published an announcement closes it.")
                    .withCode("announcement.notOwner");
        }
        announcements.close(id, caller.tenantCode());
        AnnouncementResponse after = get(id);
        audit.record(AuditAction.UPDATE, AUDIT_TYPE, id, AuditMessage.named("partner_announcement.closed",
                "Closed: " + after.theme(), after.theme()), before, after);
        return after;
    }

    /**
     * Replies on behalf of one of the association's members.
     *
     * @throws ApiException.Conflict   when the announcement is closed or is the association's own
     * @throws ApiException.BadRequest for a member not in the register
     */
    @Transactional
    public ReplyResponse reply(UUID id, ReplyCommand command) {
        Caller caller = callers.requireTenantRole(Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR);
        AnnouncementResponse announcement = get(id);
        if (announcement.owner().equals(caller.tenantCode())) {
            throw new ApiException.Conflict("An association does not reply to its own announcement.")
                    .withCode("announcement.own");
        }
        if (announcement.status() == AnnouncementStatus.CLOSED) {
            throw new ApiException.Conflict("The announcement is closed.").withCode("announcement.closed");
        }
        String memberName = memberName(command.memberId());
        ReplyResponse reply = announcements.reply(announcement, caller.tenantCode(), command.memberId(),
                memberName, command.message().strip(), caller.username());
        audit.record(AuditAction.CREATE, AUDIT_TYPE, id, AuditMessage.named("partner_announcement.replied",
                "Replied to: " + announcement.theme(), announcement.theme()), null, reply);
        return reply;
    }

    /** The replies the caller's association may read: all for the owner, its own for another association. */
    @Transactional(readOnly = true)
    public List<ReplyResponse> replies(UUID id) {
        get(id);
        return announcements.replies(id);
    }

    private String memberName(long memberId) {
        if (!members.exists(memberId)) {
            throw new ApiException.BadRequest("The member is not in the association's register.", List.of(
                    Problem.FieldError.field("memberId", "announcement.unknownMember",
                            "is not a member of the association")))
                    .withCode("announcement.invalid");
        }
        return members.get(memberId).name();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static ApiException notFound() {
        return new ApiException.NotFound("No announcement with this id.").withCode("announcement.notFound");
    }
}
