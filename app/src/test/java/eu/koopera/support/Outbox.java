package eu.koopera.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the mail outbox directly from the database, as a test needs to see it. */
public final class Outbox {

    private Outbox() {
    }

    /** One outbox row. */
    public record Row(long id, String status, int attempts, Instant nextAttemptAt, String lastError, String subject,
                      String bodyText, Instant sentAt) {
    }

    /** The newest mail to {@code recipient}. */
    public static Optional<Row> latestTo(String recipient) {
        try (Connection connection = TestDatabase.connect();
             PreparedStatement statement = connection.prepareStatement("SELECT id, status, attempts, next_attempt_at,"
                     + " last_error, subject, body_text, sent_at FROM platform.mail_outbox WHERE recipient = ?"
                     + " ORDER BY id DESC LIMIT 1")) {
            statement.setString(1, recipient);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                Timestamp sentAt = rows.getTimestamp(8);
                return Optional.of(new Row(rows.getLong(1), rows.getString(2), rows.getInt(3),
                        rows.getTimestamp(4).toInstant(), rows.getString(5), rows.getString(6), rows.getString(7),
                        sentAt == null ? null : sentAt.toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many mails went to {@code recipient}. */
    public static int countTo(String recipient) {
        return Database.count("SELECT count(*) FROM platform.mail_outbox WHERE recipient = '"
                + recipient.replace("'", "''") + "'");
    }

    /** The invitation token in a mail's link to {@code tenant}. */
    public static String invitationToken(String text, String tenant) {
        Matcher matcher = Pattern.compile("/invitation/" + Pattern.quote(tenant) + "/([A-Za-z0-9_-]{43})")
                .matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("No invitation link for " + tenant + " in: " + text);
        }
        return matcher.group(1);
    }
}
