package eu.koopera.partnerships;

import eu.koopera.audit.AuditAction;
import eu.koopera.audit.AuditMessage;
import eu.koopera.audit.TenantAuditLog;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The money side of agreements: what each party commits per year, what it spent, and how far the commitments are
 * fulfilled. The owner's administrators and network coordinators record commitments and spending; everyone who
 * reads the agreement reads its fulfilment.
 */
@Singleton
public class BudgetService {

    /** The largest amount the columns hold: twelve digits before the point. */
    private static final BigDecimal LIMIT = new BigDecimal("1000000000000");

    private final CallerContext callers;
    private final AgreementAccess access;
    private final BudgetQueries budget;
    private final TenantAuditLog audit;

    public BudgetService(CallerContext callers, AgreementAccess access, BudgetQueries budget, TenantAuditLog audit) {
        this.callers = callers;
        this.access = access;
        this.budget = budget;
        this.audit = audit;
    }

    /**
     * Records a party's commitment for a year.
     *
     * @throws ApiException.BadRequest for a party not on the agreement, a year outside its period, an invalid amount
     *                                 or currency
     * @throws ApiException.Conflict   when the party has a commitment for the year and currency already
     */
    @Transactional
    public CommitmentResponse commit(UUID agreementId, CommitmentCommand command) {
        Caller caller = callers.requireTenantRole(Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR);
        AgreementResponse agreement = access.managed(agreementId, caller);
        List<Problem.FieldError> errors = new ArrayList<>();
        PartyResponse party = party(agreement, command.party(), errors);
        BigDecimal amount = amount(command.amount(), errors);
        String currency = currency(command.currency(), errors);
        int year = command.year();
        if (agreement.startsOn() != null && year < agreement.startsOn().getYear()
                || agreement.endsOn() != null && year > agreement.endsOn().getYear() || year < 1900 || year > 2200) {
            errors.add(Problem.FieldError.field("year", "commitment.yearOutsidePeriod",
                    "must be inside the agreement's period", year));
        }
        reject(errors, "The commitment has invalid fields.");
        CommitmentResponse created = budget.commit(agreementId, agreement.owner(), command, currency, amount,
                caller.username());
        if (created == null) {
            throw new ApiException.Conflict("This party has a commitment in " + currency + " for " + year
                    + " already.").withCode("commitment.duplicate");
        }
        audit.record(AuditAction.CREATE, AgreementService.AUDIT_TYPE, agreementId,
                new AuditMessage("agreement.commitment_added", "Recorded a commitment of " + party.label(),
                        Map.of(AuditMessage.NAME, agreement.title().in(null), "party", party.label(),
                                "year", String.valueOf(year), "amount", amount.toPlainString() + " " + currency)),
                null, created);
        return created;
    }

    /**
     * Records money a party spent.
     *
     * @throws ApiException.BadRequest for a party not on the agreement, an invalid amount or currency, or a currency
     *                                 other than those of the party's commitments for the year
     */
    @Transactional
    public SpendingResponse spend(UUID agreementId, SpendingCommand command) {
        Caller caller = callers.requireTenantRole(Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR);
        AgreementResponse agreement = access.managed(agreementId, caller);
        List<Problem.FieldError> errors = new ArrayList<>();
        PartyResponse party = party(agreement, command.party(), errors);
        BigDecimal amount = amount(command.amount(), errors);
        if (command.purpose().isBlank()) {
            errors.add(Problem.FieldError.field("purpose", "text.required", "must not be blank"));
        }
        reject(errors, "The spending entry has invalid fields.");
        List<String> committed = budget.commitmentCurrencies(party.id(), command.date().getYear());
        String currency = command.currency() == null || command.currency().isBlank()
                ? committed.isEmpty() ? "EUR" : committed.getFirst() : currency(command.currency(), errors);
        reject(errors, "The spending entry has invalid fields.");
        if (!committed.isEmpty() && !committed.contains(currency)) {
            reject(List.of(Problem.FieldError.field("currency", "spending.currencyMismatch",
                    "the party committed " + String.join(", ", committed) + " for " + command.date().getYear()
                            + "; spending in another currency needs a rate", currency)),
                    "The spending entry has invalid fields.");
        }
        SpendingResponse created = budget.spend(agreementId, agreement.owner(), command, currency, amount,
                caller.username());
        audit.record(AuditAction.CREATE, AgreementService.AUDIT_TYPE, agreementId,
                new AuditMessage("agreement.spending_recorded", "Recorded spending of " + party.label(),
                        Map.of(AuditMessage.NAME, agreement.title().in(null), "party", party.label(),
                                "amount", amount.toPlainString() + " " + currency)),
                null, created);
        return created;
    }

    /** Committed, spent, remaining and percentage per party and year, with totals, for anyone who reads it. */
    @Transactional(readOnly = true)
    public Fulfilment fulfilment(UUID agreementId) {
        AgreementResponse agreement = access.visible(agreementId, callers.requireTenantUser());
        Map<UUID, Integer> positions = new HashMap<>();
        Map<UUID, String> names = new HashMap<>();
        for (int i = 0; i < agreement.parties().size(); i++) {
            positions.put(agreement.parties().get(i).id(), i);
            names.put(agreement.parties().get(i).id(), agreement.parties().get(i).label());
        }
        List<Fulfilment.Line> lines = new ArrayList<>();
        List<Fulfilment.Line> yearTotals = new ArrayList<>();
        List<Fulfilment.Line> totals = new ArrayList<>();
        for (BudgetQueries.FulfilmentRow row : budget.fulfilment(agreementId)) {
            Fulfilment.Line line = new Fulfilment.Line(row.party(), row.party() == null ? null : names.get(row.party()),
                    row.year(), row.currency(), row.committed(), row.spent(), row.remaining(), row.percent());
            (row.party() != null ? lines : row.year() != null ? yearTotals : totals).add(line);
        }
        lines.sort(Comparator.comparing((Fulfilment.Line line) -> positions.getOrDefault(line.party(), 0))
                .thenComparing(Fulfilment.Line::year).thenComparing(Fulfilment.Line::currency));
        return new Fulfilment(agreementId, lines, yearTotals, totals);
    }

    private static PartyResponse party(AgreementResponse agreement, UUID partyId, List<Problem.FieldError> errors) {
        return agreement.party(partyId).orElseGet(() -> {
            errors.add(Problem.FieldError.field("party", "party.notOnAgreement",
                    "is not a party of this agreement", partyId));
            return null;
        });
    }

    private static BigDecimal amount(BigDecimal amount, List<Problem.FieldError> errors) {
        BigDecimal exact = amount.stripTrailingZeros();
        if (exact.signum() <= 0 || exact.scale() > 2 || exact.compareTo(LIMIT) >= 0) {
            errors.add(Problem.FieldError.field("amount", "amount.invalid",
                    "must be more than zero and below 10^12, with at most two decimal places", amount.toPlainString()));
            return amount;
        }
        return exact.setScale(2);
    }

    private static @Nullable String currency(String code, List<Problem.FieldError> errors) {
        String currency = code.strip().toUpperCase(Locale.ROOT);
        boolean known = currency.matches("[A-Z]{3}") && Currency.getAvailableCurrencies().stream()
                .anyMatch(available -> available.getCurrencyCode().equals(currency));
        if (!known) {
            errors.add(Problem.FieldError.field("currency", "currency.unknown", "must be an ISO 4217 code", code));
        }
        return currency;
    }

    private static void reject(List<Problem.FieldError> errors, String detail) {
        if (!errors.isEmpty()) {
            throw new ApiException.BadRequest(detail, errors).withCode("budget.invalid");
        }
    }
}
