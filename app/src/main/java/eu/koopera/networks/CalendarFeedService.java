package eu.koopera.networks;

import eu.koopera.accounts.AccountService;
import eu.koopera.accounts.TenantUser;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.security.OpaqueTokens;
import eu.koopera.platform.web.ApiException;
import eu.koopera.tenancy.Admission;
import eu.koopera.tenancy.Tenant;
import eu.koopera.tenancy.TenantAdmission;
import eu.koopera.tenancy.TenantSuspendedException;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Personal calendar subscriptions: a user creates (or rotates) a secret feed address listing the meetings of
 * every network their association takes part in, and revokes it. The feed is fetched anonymously by calendar
 * applications, so it finds the token first and then binds the token's association itself; only the SHA-256 of
 * a token is stored.
 */
@Singleton
public class CalendarFeedService {

    private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{43}$");

    private final CallerContext callers;
    private final OpaqueTokens tokens;
    private final CalendarTokenQueries tokenQueries;
    private final MeetingQueries meetings;
    private final MeetingCalendar calendar;
    private final AccountService accounts;
    private final TenantAdmission admission;
    private final TransactionOperations<Connection> transactions;

    public CalendarFeedService(CallerContext callers, OpaqueTokens tokens, CalendarTokenQueries tokenQueries,
                               MeetingQueries meetings, MeetingCalendar calendar, AccountService accounts,
                               TenantAdmission admission, TransactionOperations<Connection> transactions) {
        this.callers = callers;
        this.tokens = tokens;
        this.tokenQueries = tokenQueries;
        this.meetings = meetings;
        this.calendar = calendar;
        this.accounts = accounts;
        this.admission = admission;
        this.transactions = transactions;
    }

    /**
     * Gives the caller a new feed token, revoking the one they had; the token is returned once and never stored.
     *
     * @param baseUrl the API's address as the caller reaches it, for the feed's URL
     */
    @Transactional
    public CalendarTokenResponse issue(String baseUrl) {
        Caller caller = callers.requireTenantUser();
        String token = tokens.generate();
        tokenQueries.replace(caller.tenantCode(), caller.username(), tokens.hash(token));
        return new CalendarTokenResponse(baseUrl.replaceAll("/+$", "") + "/api/calendar/" + token + ".ics");
    }

    /** Revokes the caller's feed token, if they have one. */
    @Transactional
    public void revoke() {
        Caller caller = callers.requireTenantUser();
        tokenQueries.delete(caller.tenantCode(), caller.username());
    }

    /**
     * The feed of the token's holder: the meetings of every network their association takes part in, titles in
     * the holder's language. Binds the association itself, so it must not be called while a connection is open.
     *
     * @throws ApiException.NotFound for an unknown or revoked token, a disabled account or an unknown or
     *                               suspended association
     */
    public CalendarFile feed(String token) {
        if (!TOKEN.matcher(token).matches()) {
            throw unknownFeed();
        }
        String hash = tokens.hash(token);
        CalendarTokenQueries.Holder holder = transactions.executeRead(status -> tokenQueries.find(hash))
                .orElseThrow(CalendarFeedService::unknownFeed);
        Tenant tenant = admitted(holder.tenant()).orElseThrow(CalendarFeedService::unknownFeed);
        return admission.callAs(Admission.of(tenant), () -> transactions.executeRead(status -> {
            TenantUser user = accounts.findTenantUser(holder.username())
                    .filter(found -> TenantUser.ACTIVE.equals(found.status()))
                    .orElseThrow(CalendarFeedService::unknownFeed);
            return new CalendarFile("koopera-meetings.ics",
                    calendar.render(meetings.ofTenant(tenant.code()), user.locale(), "Koopera — " + tenant.name()));
        }));
    }

    private Optional<Tenant> admitted(String code) {
        try {
            return Optional.of(admission.admit(code));
        } catch (ApiException.NotFound | TenantSuspendedException e) {
            return Optional.empty(); // while the schema migrates, TenantUnavailableException answers 503
        }
    }

    private static ApiException unknownFeed() {
        return new ApiException.NotFound("No calendar feed at this address.");
    }
}
