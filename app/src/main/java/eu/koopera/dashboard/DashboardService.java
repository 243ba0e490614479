package eu.koopera.dashboard;

import eu.koopera.audit.AuditEntry;
import eu.koopera.audit.AuditService;
import eu.koopera.members.MemberService;
import eu.koopera.members.MembershipStatus;
import eu.koopera.partnerships.AgreementService;
import eu.koopera.people.InvitationService;
import eu.koopera.people.PeopleService;
import eu.koopera.platform.mail.MailOutbox;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.security.Roles;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/** Gathers the administrator's dashboard from the features' services, in one read-only transaction. */
@Singleton
public class DashboardService {

    /** How many audit entries the dashboard lists. */
    public static final int RECENT_CHANGES = 8;

    private final CallerContext callers;
    private final MemberService members;
    private final PeopleService people;
    private final InvitationService invitations;
    private final AuditService audit;
    private final MailOutbox mail;
    private final AgreementService agreements;

    DashboardService(CallerContext callers, MemberService members, PeopleService people,
                     InvitationService invitations, AuditService audit, MailOutbox mail,
                     AgreementService agreements) {
        this.agreements = agreements;
        this.callers = callers;
        this.members = members;
        this.people = people;
        this.invitations = invitations;
        this.audit = audit;
        this.mail = mail;
    }

    @Transactional(readOnly = true)
    public Dashboard dashboard() {
        Caller caller = callers.requireTenantRole(Roles.ASSOCIATION_ADMIN);
        Map<MembershipStatus, Integer> byStatus = members.countByStatus();
        int total = byStatus.values().stream().mapToInt(Integer::intValue).sum();
        List<AuditEntry> recent = audit.recentChanges(RECENT_CHANGES);
        return new Dashboard(byStatus, total, people.countWithoutAccount(), invitations.summary(),
                mail.countFailed(caller.tenantCode()), recent, agreements.attention());
    }
}
