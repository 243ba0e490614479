package eu.koopera.partnerships;

import eu.koopera.accounts.AccountService;
import eu.koopera.accounts.TenantUser;
import eu.koopera.platform.mail.MailMessages;
import eu.koopera.platform.mail.MailOutbox;
import eu.koopera.platform.mail.OutgoingMail;
import eu.koopera.tenancy.Admission;
import eu.koopera.tenancy.MigrationStatus;
import eu.koopera.tenancy.Tenant;
import eu.koopera.tenancy.TenantAdmission;
import eu.koopera.tenancy.TenantRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Reminds the creator of each agreement by e-mail, through the outbox,
 * {@link PartnershipSettings#reviewReminderDays()} days before its next review (or at once when that date is closer
 * or past), once per review date: the date reminded of is written in the same transaction as the mail is queued.
 * Runs daily ({@code koopera.partnerships.reminder-interval}) for each active association, bound to it through {@link TenantAdmission} like any request, since row-level
 * security shows an association only its own agreements; several replicas running it at once skip each other's
 * rows.
 */
@Singleton
class ReviewReminders {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewReminders.class);
    private static final int BATCH = 100;

    private final TenantRegistry registry;
    private final TenantAdmission admission;
    private final TransactionOperations<Connection> transactions;
    private final ReviewQueries reviews;
    private final AccountService accounts;
    private final PartnershipJson json;
    private final MailOutbox outbox;
    private final MailMessages messages;
    private final PartnershipSettings settings;
    private final Clock clock;
    private final String publicUrl;

    ReviewReminders(TenantRegistry registry, TenantAdmission admission, TransactionOperations<Connection> transactions,
                    ReviewQueries reviews, AccountService accounts, PartnershipJson json, MailOutbox outbox,
                    MailMessages messages, PartnershipSettings settings, Clock clock,
                    @Value("${koopera.public-url:http://localhost:8080}") String publicUrl) {
        this.registry = registry;
        this.admission = admission;
        this.transactions = transactions;
        this.reviews = reviews;
        this.accounts = accounts;
        this.json = json;
        this.outbox = outbox;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    @Scheduled(fixedDelay = "${koopera.partnerships.reminder-interval:24h}",
            initialDelay = "${koopera.partnerships.reminder-initial-delay:10m}")
    void runScheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.error("Review reminders failed; they run again at the next interval", e);
        }
    }

    /** Queues the reminders due in every active association whose schema is current; returns how many. */
    int run() {
        int queued = 0;
        for (Tenant tenant : registry.all()) {
            if (!tenant.isActive() || tenant.migrationStatus() != MigrationStatus.CURRENT) {
                continue;
            }
            try {
                queued += admission.callAs(Admission.of(tenant), () -> runFor(tenant));
            } catch (RuntimeException e) {
                LOG.error("Review reminders failed for {}", tenant.code(), e);
            }
        }
        return queued;
    }

    private int runFor(Tenant tenant) {
        int queued = 0;
        int due;
        do {
            int[] counts = transactions.executeWrite(status -> remind(tenant));
            due = counts[0];
            queued += counts[1];
        } while (due == BATCH);
        return queued;
    }

    /** One batch: each due agreement is marked reminded, and its creator mailed if they have an address. */
    private int[] remind(Tenant tenant) {
        LocalDate today = LocalDate.now(clock);
        List<ReviewQueries.DueReview> due = reviews.due(tenant.code(), today, settings.reviewReminderDays(), BATCH);
        int queued = 0;
        for (ReviewQueries.DueReview review : due) {
            reviews.markReminded(review.agreementId(), review.reviewOn());
            Optional<TenantUser> creator = accounts.findTenantUser(review.createdBy())
                    .filter(user -> TenantUser.ACTIVE.equals(user.status()) && user.email() != null);
            if (creator.isEmpty()) {
                LOG.info("No one to remind of the review of agreement {} in {}", review.agreementId(), tenant.code());
                continue;
            }
            String language = messages.languageOf(creator.get().locale() != null ? creator.get().locale()
                    : tenant.defaultLocale()).getLanguage();
            MailMessages.Text text = messages.render("agreement.review-reminder", language,
                    json.text(review.title()).in(language),
                    DateTimeFormatter.ISO_LOCAL_DATE.format(review.reviewOn()),
                    ChronoUnit.DAYS.between(today, review.reviewOn()),
                    publicUrl + "/partnerships/" + review.agreementId());
            outbox.enqueue(new OutgoingMail(tenant.code(), creator.get().email(), text.subject(), text.text(),
                    text.html()));
            queued++;
        }
        return new int[]{due.size(), queued};
    }
}
