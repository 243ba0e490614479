package eu.koopera.members;

import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.web.ApiException;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;

/** Member organisations of the current tenant: everyone in the tenant reads them, its admins change them. */
@Singleton
public class MemberService {

    private final CallerContext callers;
    private final MemberRepository members;
    private final MemberQueries queries;

    public MemberService(CallerContext callers, MemberRepository members, MemberQueries queries) {
        this.callers = callers;
        this.members = members;
        this.queries = queries;
    }

    /**
     * Registers a member.
     *
     * @throws ApiException.Conflict when another member has the code
     */
    @Transactional
    public MemberResponse create(MemberCommand command) {
        callers.requireTenantRole(Roles.ASSOCIATION_ADMIN);
        if (members.existsByCode(command.code())) {
            throw duplicateCode();
        }
        Instant now = Instant.now();
        return MemberResponse.of(members.save(new Member(null, command.code(), command.name().strip(),
                command.kind(), blankToNull(command.region()), command.population(), null, now, now)));
    }

    /** Members whose name or code contains {@code text}, a page at a time. */
    @Transactional(readOnly = true)
    public MemberPage search(String text, int page, int size) {
        callers.requireTenantUser();
        return queries.search(text, page, size);
    }

    @Transactional(readOnly = true)
    public MemberResponse get(long id) {
        callers.requireTenantUser();
        return MemberResponse.of(find(id));
    }

    /**
     * Replaces a member's fields.
     *
     * @throws ApiException.Conflict when the code is taken or {@code version} is stale
     */
    @Transactional
    public MemberResponse update(long id, MemberCommand command) {
        callers.requireTenantRole(Roles.ASSOCIATION_ADMIN);
        Member current = find(id);
        if (command.version() != null && !command.version().equals(current.version())) {
            throw staleVersion();
        }
        if (!current.code().equals(command.code()) && members.existsByCodeAndIdNotEqual(command.code(), id)) {
            throw duplicateCode();
        }
        try {
            return MemberResponse.of(members.update(new Member(id, command.code(), command.name().strip(),
                    command.kind(), blankToNull(command.region()), command.population(), current.version(),
                    current.createdAt(), Instant.now())));
        } catch (OptimisticLockException e) {
            throw staleVersion();
        }
    }

    @Transactional
    public void delete(long id) {
        callers.requireTenantRole(Roles.ASSOCIATION_ADMIN);
        members.delete(find(id));
    }

    private Member find(long id) {
        return members.findById(id).orElseThrow(() -> new ApiException.NotFound("No member with this id."));
    }

    private static ApiException duplicateCode() {
        return new ApiException.Conflict("Another member already has this code.");
    }

    private static ApiException staleVersion() {
        return new ApiException.Conflict("The member was changed by someone else; reload it and try again.");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
