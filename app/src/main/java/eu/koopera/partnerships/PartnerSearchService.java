package eu.koopera.partnerships;

import eu.koopera.audit.AuditAction;
import eu.koopera.audit.AuditMessage;
import eu.koopera.audit.TenantAuditLog;
import eu.koopera.members.MemberPage;
import eu.koopera.members.MemberResponse;
import eu.koopera.members.MemberSearch;
import eu.koopera.members.MemberService;
import eu.koopera.members.MembershipStatus;
import eu.koopera.networks.ParticipationService;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.security.Roles;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.text.Collator;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds partner municipalities in three places: the association's own members (their themes of interest are the
 * themes of the networks they take part in), the members other associations share in the partner directory, and
 * the foreign municipalities the association imported. Each result says how many agreements the caller can see
 * name it as a party. The candidate sets are registers of associations (hundreds of rows each), so they are
 * filtered here with one predicate, and the three sources cannot disagree on what a criterion means.
 */
@Singleton
public class PartnerSearchService {

    static final String AUDIT_TYPE = "partner_search";
    private static final int MEMBER_PAGE = 500;

    private final CallerContext callers;
    private final MemberService members;
    private final ParticipationService participation;
    private final PartnerSearchQueries directory;
    private final ForeignMunicipalityQueries foreign;
    private final TenantAuditLog audit;

    public PartnerSearchService(CallerContext callers, MemberService members, ParticipationService participation,
                                PartnerSearchQueries directory, ForeignMunicipalityQueries foreign,
                                TenantAuditLog audit) {
        this.callers = callers;
        this.members = members;
        this.participation = participation;
        this.directory = directory;
        this.foreign = foreign;
        this.audit = audit;
    }

    /** Municipalities meeting {@code criteria}, by name in the caller's language order, a page at a time. */
    @Transactional(readOnly = true)
    public PartnerSearchPage search(PartnerSearchCriteria criteria, int page, int size) {
        Caller caller = callers.requireTenantUser();
        Map<String, Integer> memberCounts = directory.memberPartnerships();
        Map<String, Integer> foreignCounts = directory.foreignPartnerships();
        Stream<PartnerCandidate> own = ownMembers(caller.tenantCode()).stream()
                .map(c -> c.withPartnerships(memberCounts.getOrDefault(
                        PartnerSearchQueries.memberKey(c.tenant(), c.memberId()), 0)));
        Stream<PartnerCandidate> shared = directory.othersDirectory(caller.tenantCode()).stream()
                .map(c -> c.withPartnerships(memberCounts.getOrDefault(
                        PartnerSearchQueries.memberKey(c.tenant(), c.memberId()), 0)));
        Stream<PartnerCandidate> abroad = foreign.all().stream()
                .map(m -> new PartnerCandidate(PartnerSource.FOREIGN, null, null, m.id(), m.name(), null, m.country(),
                        m.population(), m.themes(), foreignCounts.getOrDefault(
                                PartnerSearchQueries.foreignKey(m.country(), m.name()), 0)));
        Collator collator = Collator.getInstance(Locale.forLanguageTag("lv"));
        List<PartnerCandidate> found = Stream.of(own, shared, abroad).flatMap(s -> s).filter(criteria::matches)
                .sorted(Comparator.comparing(PartnerCandidate::name, collator)
                        .thenComparing(PartnerCandidate::source))
                .toList();
        int from = Math.min(found.size(), page * size);
        return new PartnerSearchPage(found.subList(from, Math.min(found.size(), from + size)), page, size,
                found.size());
    }

    /** Whether the association shares its members, and how many it published. */
    @Transactional(readOnly = true)
    public SearchSettings settings() {
        Caller caller = callers.requireTenantUser();
        return current(caller.tenantCode());
    }

    /**
     * Opts in to or out of the partner directory; administrators only. Opting in copies the current register (all
     * but members who left) into the directory, replacing what was published before, so opting in again refreshes
     * it; opting out removes every entry at once.
     */
    @Transactional
    public SearchSettings update(SearchSettingsCommand command) {
        Caller caller = callers.requireTenantRole(Roles.ASSOCIATION_ADMIN);
        SearchSettings before = current(caller.tenantCode());
        boolean share = command.shareMembers();
        directory.saveSetting(caller.tenantCode(), share, share ? OffsetDateTime.now(ZoneOffset.UTC) : null,
                caller.username());
        directory.clearDirectory(caller.tenantCode());
        if (share) {
            directory.publish(ownMembers(caller.tenantCode()));
        }
        SearchSettings after = current(caller.tenantCode());
        audit.record(AuditAction.UPDATE, AUDIT_TYPE, caller.tenantCode(), AuditMessage.named(
                share ? "partner_search.shared" : "partner_search.unshared",
                share ? "Shared " + after.published() + " members in the partner directory"
                        : "Stopped sharing members in the partner directory", String.valueOf(after.published())),
                before, after);
        return after;
    }

    private SearchSettings current(String tenant) {
        return directory.settings(tenant);
    }

    /** The association's members who have not left, with the themes of the networks they take part in. */
    private List<PartnerCandidate> ownMembers(String tenant) {
        Map<Long, Set<String>> themes = participation.memberThemes();
        List<PartnerCandidate> own = new ArrayList<>();
        for (int page = 0; ; page++) {
            MemberPage found = members.search(MemberSearch.all(), page, MEMBER_PAGE);
            for (MemberResponse member : found.items()) {
                if (member.membershipStatus() != MembershipStatus.LEFT) {
                    own.add(new PartnerCandidate(PartnerSource.OWN, tenant, member.id(), null, member.name(),
                            member.kind() == null ? null : member.kind().name(), member.country(),
                            member.population(), List.copyOf(themes.getOrDefault(member.id(), Set.of())), 0));
                }
            }
            if ((long) (page + 1) * MEMBER_PAGE >= found.total()) {
                return own;
            }
        }
    }
}
