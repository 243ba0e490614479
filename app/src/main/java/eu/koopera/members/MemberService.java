package eu.koopera.members;

import eu.koopera.audit.AuditAction;
import eu.koopera.audit.TenantAuditLog;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.database.SqlStates;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Member organisations of the current tenant: everyone in the tenant reads them, its administrators change them.
 * Administrators' working notes (a member's notes, the note and author of each membership change) and the full
 * register for export are for administrators only (docs/authorization.md). Every change is written to the tenant's
 * audit log in the same transaction.
 */
@Singleton
public class MemberService {

    static final String AUDIT_TYPE = "member";
    /** SQL states of a delete refused by a foreign key: NO ACTION and RESTRICT. */
    private static final Set<String> STILL_REFERENCED = Set.of("23503", "23001");

    private final CallerContext callers;
    private final MemberRepository members;
    private final MemberQueries queries;
    private final TenantAuditLog audit;

    public MemberService(CallerContext callers, MemberRepository members, MemberQueries queries,
                         TenantAuditLog audit) {
        this.callers = callers;
        this.members = members;
        this.queries = queries;
        this.audit = audit;
    }

    /**
     * Registers a member.
     *
     * @throws ApiException.Conflict when another member has the code
     */
    @Transactional
    public MemberResponse create(MemberCommand command) {
        Caller caller = callers.requireTenantRole(Roles.ASSOCIATION_ADMIN);
        if (members.existsByCode(command.code())) {
            throw duplicateCode();
        }
        MembershipStatus status = command.membershipStatus() == null ? MembershipStatus.ACTIVE
                : command.membershipStatus();
        LocalDate today = LocalDate.now();
        Member created = saveUnique(() -> members.save(Member.create(command, status, today, Instant.now())));
        queries.recordStatusChange(created.id(), null, status, today, null, caller.username());
        MemberResponse response = MemberResponse.of(created);
        audit.record(AuditAction.CREATE, AUDIT_TYPE, created.id(), created.name(), null, response);
        return response;
    }

    /** Members matching {@code search}, a page at a time. */
    @Transactional(readOnly = true)
    public MemberPage search(MemberSearch search, int page, int size) {
        Caller caller = callers.requireTenantUser();
        MemberPage found = queries.search(search, page, size);
        return isAdmin(caller) ? found : new MemberPage(found.items().stream().map(MemberResponse::withoutNotes)
                .toList(), found.page(), found.size(), found.total());
    }

    /** Members whose name or code contains {@code text}, by name. */
    @Transactional(readOnly = true)
    public MemberPage search(String text, int page, int size) {
        return search(MemberSearch.text(text), page, size);
    }

    @Transactional(readOnly = true)
    public MemberResponse get(long id) {
        Caller caller = callers.requireTenantUser();
        MemberResponse member = MemberResponse.of(find(id));
        return isAdmin(caller) ? member : member.withoutNotes();
    }

    /**
     * Replaces a member's profile.
     *
     * @throws ApiException.BadRequest when {@code version} is missing
     * @throws ApiException.Conflict   when the code is taken, or {@code version} is stale (with the current state)
     */
    @Transactional
    public MemberResponse update(long id, MemberCommand command) {
        callers.requireTenantRole(Roles.ASSOCIATION_ADMIN);
        if (command.version() == null) {
            throw new ApiException.BadRequest("Send back the version you last read.",
                    List.of(new Problem.FieldError("version", "must not be null")));
        }
        Member current = find(id);
        if (!command.version().equals(current.version())) {
            throw staleVersion(current);
        }
        if (!current.code().equals(command.code()) && members.existsByCodeAndIdNotEqual(command.code(), id)) {
            throw duplicateCode();
        }
        try {
            Member updated = saveUnique(() -> members.update(current.withProfile(command, Instant.now())));
            MemberResponse response = MemberResponse.of(updated);
            audit.record(AuditAction.UPDATE, AUDIT_TYPE, id, updated.name(), MemberResponse.of(current), response);
            return response;
        } catch (OptimisticLockException e) {
            throw staleVersion(find(id));
        }
    }

    /**
     * Moves a member to another membership status and records it in the history.
     *
     * @throws ApiException.Conflict when the move is not allowed from the current status
     */
    @Transactional
    public MemberResponse changeMembership(long id, MembershipChange change) {
        Caller caller = callers.requireTenantRole(Roles.ASSOCIATION_ADMIN);
        Member current = find(id);
        if (!current.membershipStatus().mayBecome(change.status())) {
            throw new ApiException.Conflict("A member in status " + current.membershipStatus() + " can become only "
                    + current.membershipStatus().next() + ".");
        }
        LocalDate effective = change.effectiveOn() == null ? LocalDate.now() : change.effectiveOn();
        Member updated = members.update(current.withStatus(change.status(), effective, Instant.now()));
        queries.recordStatusChange(id, current.membershipStatus(), change.status(), effective, change.note(),
                caller.username());
        MemberResponse response = MemberResponse.of(updated);
        audit.record(AuditAction.UPDATE, AUDIT_TYPE, id, updated.name() + ": " + current.membershipStatus()
                + " -> " + change.status(), MemberResponse.of(current), response);
        return response;
    }

    /** Every member matching {@code search}, in its order, for a full export by an administrator. */
    @Transactional(readOnly = true)
    public List<MemberResponse> all(MemberSearch search) {
        callers.requireTenantRole(Roles.ASSOCIATION_ADMIN);
        return queries.all(search);
    }

    /** How many members are in each membership status. */
    @Transactional(readOnly = true)
    public Map<MembershipStatus, Integer> countByStatus() {
        callers.requireTenantUser();
        return queries.countByStatus();
    }

    /** A member's status changes, newest first; their notes and authors only for administrators. */
    @Transactional(readOnly = true)
    public List<MembershipHistoryEntry> membershipHistory(long id) {
        Caller caller = callers.requireTenantUser();
        find(id);
        List<MembershipHistoryEntry> history = queries.history(id);
        return isAdmin(caller) ? history : history.stream().map(MembershipHistoryEntry::withoutNoteAndAuthor)
                .toList();
    }

    /**
     * Deletes a member.
     *
     * @throws ApiException.Conflict while other records, such as its people, still belong to it
     */
    @Transactional
    public void delete(long id) {
        callers.requireTenantRole(Roles.ASSOCIATION_ADMIN);
        Member current = find(id);
        try {
            members.delete(current);
        } catch (DataAccessException e) {
            if (SqlStates.causedBy(e, STILL_REFERENCED)) {
                throw new ApiException.Conflict("Other records, such as its people, still belong to this member; "
                        + "move or delete them first.");
            }
            throw e;
        }
        audit.record(AuditAction.DELETE, AUDIT_TYPE, id, current.name(), MemberResponse.of(current), null);
    }

    /** The members whose code is one of {@code codes}, by code; unknown codes are absent. */
    @Transactional(readOnly = true)
    public Map<String, MemberResponse> byCodes(Collection<String> codes) {
        Caller caller = callers.requireTenantUser();
        Map<String, MemberResponse> found = codes.isEmpty() ? Map.of() : queries.byCodes(codes);
        if (isAdmin(caller)) {
            return found;
        }
        Map<String, MemberResponse> redacted = new LinkedHashMap<>();
        found.forEach((code, member) -> redacted.put(code, member.withoutNotes()));
        return redacted;
    }

    /** Whether a member with this id exists in the current tenant. */
    @Transactional(readOnly = true)
    public boolean exists(long id) {
        callers.requireTenantUser();
        return members.existsById(id);
    }

    /**
     * Runs a write that may lose a race: a request that checked the code while another was inserting it meets the
     * unique index instead, and that is the same conflict as the check would have found.
     */
    private static Member saveUnique(Supplier<Member> write) {
        try {
            return write.get();
        } catch (DataAccessException e) {
            if (SqlStates.uniqueViolation(e)) {
                throw duplicateCode();
            }
            throw e;
        }
    }

    private static boolean isAdmin(Caller caller) {
        return caller.hasRole(Roles.ASSOCIATION_ADMIN);
    }

    private Member find(long id) {
        return members.findById(id).orElseThrow(() -> new ApiException.NotFound("No member with this id."));
    }

    private static ApiException duplicateCode() {
        return new ApiException.Conflict("Another member already has this code.");
    }

    private static ApiException staleVersion(Member current) {
        return new ApiException.Conflict("The member was changed by someone else; here is its current state.",
                MemberResponse.of(current));
    }
}
