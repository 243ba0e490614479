package eu.koopera.platform.mail;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** One page of outbox entries, newest first, and how many match in all. */
@Serdeable
public record MailOutboxPage(List<MailOutboxEntry> items, int page, int size, long total) {
}
