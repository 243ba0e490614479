package eu.koopera.dashboard;

import eu.koopera.audit.AuditEntry;
import eu.koopera.members.MembershipStatus;
import eu.koopera.partnerships.AgreementAttention;
import eu.koopera.people.InvitationSummary;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * What an association administrator sees first.
 *
 * @param membersByStatus      how many members are in each membership status (every status, zero included)
 * @param members              all members
 * @param peopleWithoutAccount contact people who have no user account yet
 * @param invitations          open invitations and those expiring within two days
 * @param failedMail           the association's mails that could not be delivered
 * @param recentChanges        the newest entries of the audit log
 * @param agreements           agreements ending soon or due for review
 */
@Serdeable
public record Dashboard(Map<MembershipStatus, Integer> membersByStatus, int members, int peopleWithoutAccount,
                        InvitationSummary invitations, int failedMail, List<AuditEntry> recentChanges,
                        AgreementAttention agreements) {
}
