package eu.koopera.benchlearning;

import eu.koopera.audit.AuditAction;
import eu.koopera.audit.AuditMessage;
import eu.koopera.audit.TenantAuditLog;
import eu.koopera.networks.NetworkService;
import eu.koopera.networks.ParticipantResponse;
import eu.koopera.networks.ParticipationService;
import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.jooq.Condition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;


/**
 * Peer groups: hand-picked, a network's members, or by kind, population band and region; and "most similar
 * municipalities" found by the distance between standardised values of chosen indicators.
 */
@Singleton
public class PeerGroupService {

    static final String AUDIT_TYPE = "peer-group";
    private static final int MAX_SIMILAR = 50;

    private final CallerContext callers;
    private final PeerGroupQueries groups;
    private final IndicatorQueries indicators;
    private final ComparisonQueries comparisons;
    private final TenantAuditLog audit;
    private final NetworkService networks;
    private final ParticipationService participation;

    public PeerGroupService(CallerContext callers, PeerGroupQueries groups, IndicatorQueries indicators,
                            ComparisonQueries comparisons, TenantAuditLog audit, NetworkService networks,
                            ParticipationService participation) {
        this.callers = callers;
        this.networks = networks;
        this.participation = participation;
        this.groups = groups;
        this.indicators = indicators;
        this.comparisons = comparisons;
        this.audit = audit;
    }

    /**
     * Creates a peer group.
     *
     * @throws ApiException.BadRequest when it mixes hand-picked members with criteria, has neither, names a member
     *                                 the association does not have, or has an inverted population band
     * @throws ApiException.Conflict   when the name is taken
     */
    @Transactional
    public PeerGroup create(PeerGroupCommand command) {
        callers.requireTenantRole(Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR);
        List<Long> members = command.members() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(command.members()));
        boolean criteria = (command.kinds() != null && !command.kinds().isEmpty()) || command.populationMin() != null
                || command.populationMax() != null || command.region() != null;
        int ways = (members.isEmpty() ? 0 : 1) + (criteria ? 1 : 0) + (command.network() == null ? 0 : 1);
        List<Problem.FieldError> errors = new ArrayList<>();
        if (ways > 1) {
            errors.add(new Problem.FieldError("members", "give members, a network or criteria, only one of them",
                    null, null, "peerGroup.mixed", List.of()));
        } else if (ways == 0) {
            errors.add(new Problem.FieldError("members", "give members, a network or at least one criterion", null,
                    null, "peerGroup.empty", List.of()));
        }
        if (command.network() != null) {
            networks.get(command.network()); // refuses a network the association does not take part in
        }
        if (command.populationMin() != null && command.populationMax() != null
                && command.populationMin() > command.populationMax()) {
            errors.add(new Problem.FieldError("populationMax", "must not be below populationMin", null, null,
                    "peerGroup.band", List.of()));
        }
        if (!members.isEmpty() && groups.existingMembers(members) != members.size()) {
            errors.add(new Problem.FieldError("members", "names members the association does not have", null,
                    null, "peerGroup.members.unknown", List.of()));
        }
        if (!errors.isEmpty()) {
            throw new ApiException.BadRequest("The peer group has invalid fields.", errors);
        }
        long id = groups.insert(command, members).orElseThrow(() -> new ApiException.Conflict(
                "A peer group with this name exists already.").withCode("peerGroup.name.taken"));
        PeerGroup created = get(id);
        audit.record(AuditAction.CREATE, AUDIT_TYPE, id, AuditMessage.named("peer_group.created",
                "Made the peer group " + created.name(), created.name()), null, command);
        return created;
    }

    @Transactional(readOnly = true)
    public List<PeerGroup> list() {
        callers.requireTenantUser();
        return groups.list().stream().map(group -> groups.toGroup(group, members(group))).toList();
    }

    @Transactional(readOnly = true)
    public PeerGroup get(long id) {
        callers.requireTenantUser();
        PeerGroupQueries.Stored group = groups.record(id).orElseThrow(() -> unknown(id));
        return groups.toGroup(group, members(group));
    }

    /** The condition selecting a group's members, or null (everyone) without a group. */
    @Nullable Condition condition(@Nullable Long id) {
        if (id == null) {
            return null;
        }
        return members(groups.record(id).orElseThrow(() -> unknown(id)));
    }

    /**
     * The condition on {@code member} selecting the group's members; for a network group, the association's
     * members taking part in the network today (none once the association has left it).
     */
    private Condition members(PeerGroupQueries.Stored group) {
        if (group.network() == null) {
            return groups.members(group);
        }
        try {
            return network(group.network());
        } catch (ApiException gone) {
            return ComparisonQueries.membersAmong(List.of());
        }
    }

    /**
     * The condition on {@code member} selecting the association's members taking part in the network today.
     *
     * @throws ApiException.NotFound when the network is not one the association owns or takes part in
     */
    Condition network(UUID network) {
        String tenant = callers.requireTenantUser().tenantCode();
        List<Long> ids = participation.participants(network).stream()
                .filter(participant -> participant.tenant().equals(tenant))
                .map(ParticipantResponse::memberId).toList();
        return ComparisonQueries.membersAmong(ids);
    }

    /**
     * The members most like {@code member} on the given indicators in {@code year}: Euclidean distance over the
     * indicators' standardised values (z-scores across the association's members), only members with a value of
     * every indicator, closest first.
     *
     * @throws ApiException.BadRequest when an indicator is unknown or none is given
     * @throws ApiException.NotFound   when the member has no value of some indicator that year
     */
    @Transactional(readOnly = true)
    public List<SimilarMember> similar(long member, List<String> indicatorCodes, @Nullable Integer year, int count) {
        callers.requireTenantUser();
        List<String> codes = List.copyOf(new LinkedHashSet<>(indicatorCodes));
        if (codes.isEmpty()) {
            throw new ApiException.BadRequest("Name at least one indicator.",
                    List.of(new Problem.FieldError("indicators", "must name at least one indicator", null, null,
                            "required", List.of())));
        }
        Map<String, Indicator> known = indicators.byCodes(codes);
        for (String code : codes) {
            if (!known.containsKey(code)) {
                throw IndicatorService.unknown(code);
            }
        }
        int inYear = year != null ? year : comparisons.latestYear(member)
                .orElseThrow(() -> ComparisonService.noValues());
        Map<Long, SimilarMember> byMember = new LinkedHashMap<>();
        Map<Long, List<SimilarMember.Difference>> differences = new LinkedHashMap<>();
        for (ComparisonQueries.Difference row : comparisons.standardisedDifferences(member, codes, inYear)) {
            long other = row.member();
            byMember.putIfAbsent(other, new SimilarMember(other, row.code(), row.name(), 0, List.of()));
            differences.computeIfAbsent(other, key -> new ArrayList<>())
                    .add(new SimilarMember.Difference(row.indicator(), row.z()));
        }
        List<SimilarMember> similar = new ArrayList<>();
        for (Map.Entry<Long, List<SimilarMember.Difference>> entry : differences.entrySet()) {
            List<SimilarMember.Difference> diffs = entry.getValue();
            if (diffs.size() != codes.size()) {
                continue;
            }
            diffs.sort(Comparator.comparingDouble(d -> Math.abs(d.standardDeviations())));
            double distance = Math.sqrt(diffs.stream()
                    .mapToDouble(d -> d.standardDeviations() * d.standardDeviations()).sum());
            SimilarMember base = byMember.get(entry.getKey());
            similar.add(new SimilarMember(base.id(), base.code(), base.name(), distance, List.copyOf(diffs)));
        }
        similar.sort(Comparator.comparingDouble(SimilarMember::distance).thenComparing(SimilarMember::code));
        return similar.subList(0, Math.min(similar.size(), Math.min(count, MAX_SIMILAR)));
    }

    static ApiException unknown(long id) {
        return new ApiException.NotFound("There is no peer group " + id + " in the association.")
                .withCode("peerGroup.unknown");
    }
}
