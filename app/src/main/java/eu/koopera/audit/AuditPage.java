package eu.koopera.audit;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A page of audit entries, newest first. */
@Serdeable
public record AuditPage(List<AuditEntry> items, int page, int size, long total) {
}
