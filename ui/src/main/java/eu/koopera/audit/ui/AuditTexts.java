package eu.koopera.audit.ui;

import com.vaadin.flow.component.Component;
import eu.koopera.audit.AuditEntry;
import eu.koopera.audit.FieldChange;
import eu.koopera.ui.i18n.KooperaI18n;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Audit entries in the user's language: the summary from the entry's event code and parameters
 * ({@code audit.event.<code>}, parameters written {@code {name}} in the bundles), fields by their form labels and
 * values through the labels of their codes. Entries from before structured messages show their stored text.
 */
final class AuditTexts {

    /** What an empty value shows as. */
    static final String NONE = "—";

    private static final Pattern PARAM = Pattern.compile("\\{([a-zA-Z]+)}");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ISO_INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z");

    /** Fields the user knows nothing of: ids, versions and bookkeeping times. */
    private static final List<String> HIDDEN = List.of("id", "version", "createdAt", "updatedAt", "memberId",
            "memberCode", "personId", "userId");

    /** Each entity type's fields in the order its form shows them, with the label key of each. */
    private static final Map<String, List<Map.Entry<String, String>>> LABELS = Map.of(
            "member", List.of(Map.entry("name", "members.name"), Map.entry("code", "members.code"),
                    Map.entry("kind", "members.kind"), Map.entry("country", "members.country"),
                    Map.entry("region", "members.region"), Map.entry("population", "members.population"),
                    Map.entry("populationYear", "members.populationYear"), Map.entry("address", "members.address"),
                    Map.entry("website", "members.website"), Map.entry("membershipStatus", "members.status"),
                    Map.entry("membershipSince", "member.since"), Map.entry("notes", "members.notes")),
            "person", List.of(Map.entry("firstName", "people.firstName"), Map.entry("lastName", "people.lastName"),
                    Map.entry("memberName", "people.member"), Map.entry("position", "people.position"),
                    Map.entry("email", "people.email"), Map.entry("phone", "people.phone"),
                    Map.entry("languages", "people.languages"), Map.entry("username", "people.account"),
                    Map.entry("roles", "profile.roles"), Map.entry("notes", "people.notes")),
            "invitation", List.of(Map.entry("personName", "invitations.person"), Map.entry("email", "people.email"),
                    Map.entry("roles", "invitations.roles"), Map.entry("status", "invitations.status"),
                    Map.entry("expiresAt", "invitations.expires"), Map.entry("createdBy", "invitations.created"),
                    Map.entry("acceptedAt", "invitations.accepted")),
            "account", List.of(Map.entry("username", "login.username"), Map.entry("displayName", "people.displayName"),
                    Map.entry("email", "people.email"), Map.entry("roles", "profile.roles"),
                    Map.entry("locale", "user.language"), Map.entry("status", "audit.field.status")));

    private final Component component;
    private final Locale locale;
    private final ZoneId zone;

    AuditTexts(Component component, Locale locale, ZoneId zone) {
        this.component = component;
        this.locale = locale;
        this.zone = zone;
    }

    /** The summary in the user's language, or the stored text for older entries and unknown events. */
    String summary(AuditEntry entry) {
        String key = "audit.event." + entry.event();
        if (entry.event() == null || !KooperaI18n.has(key)) {
            return entry.summary() == null ? "" : entry.summary();
        }
        Matcher matcher = PARAM.matcher(component.getTranslation(key));
        StringBuilder text = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = entry.params().get(name);
            matcher.appendReplacement(text, Matcher.quoteReplacement(value == null ? NONE
                    : param(entry.event(), name, value)));
        }
        matcher.appendTail(text);
        return text.toString();
    }

    /** The entity as "Member: Ādažu novads", by the name kept in the entry, else by its id. */
    String entity(AuditEntry entry) {
        String name = entry.params().get("name");
        String label = AuditEntityTypes.label(component, entry.entityType());
        return name == null ? label + " " + entry.entityId() : label + ": " + name;
    }

    /** The changes to show, in the order of the entity's form, without ids and bookkeeping. */
    List<FieldChange> visibleChanges(AuditEntry entry) {
        List<Map.Entry<String, String>> known = LABELS.getOrDefault(entry.entityType(), List.of());
        List<String> order = known.stream().map(Map.Entry::getKey).toList();
        return entry.changes().stream().filter(change -> !HIDDEN.contains(change.field()))
                .sorted(Comparator.comparingInt(change -> order.contains(change.field())
                        ? order.indexOf(change.field()) : order.size()))
                .toList();
    }

    /** A field's label from the entity's form, else as stored (a field a later version added). */
    String field(String entityType, String field) {
        return LABELS.getOrDefault(entityType, List.of()).stream().filter(label -> label.getKey().equals(field))
                .findFirst().map(label -> component.getTranslation(label.getValue())).orElse(field);
    }

    /** A value as the user reads it: codes by their labels, dates and times in the user's format. */
    String value(String entityType, String field, String value) {
        if (value == null) {
            return NONE;
        }
        return switch (field) {
            case "kind" -> labelled("members.kind.", value);
            case "membershipStatus" -> labelled("members.status.", value);
            case "country" -> labelled("country.", value);
            case "roles" -> list("role.", value);
            case "languages" -> list("people.language.", value);
            case "locale" -> labelled("language.", value);
            case "status" -> "invitation".equals(entityType) ? labelled("invitations.status.", value) : value;
            case "population" -> number(value);
            default -> time(value);
        };
    }

    private String param(String event, String name, String value) {
        return switch (name) {
            case "from", "to" -> event.startsWith("member.") ? labelled("members.status.", value) : value;
            case "roles", "before", "after" -> value.isEmpty() ? NONE : list("role.", value);
            default -> value;
        };
    }

    private String labelled(String prefix, String code) {
        return KooperaI18n.has(prefix + code) ? component.getTranslation(prefix + code) : code;
    }

    private String list(String prefix, String codes) {
        return Arrays.stream(codes.split(",")).map(code -> labelled(prefix, code.strip()))
                .collect(Collectors.joining(", "));
    }

    private String number(String value) {
        try {
            return NumberFormat.getIntegerInstance(locale).format(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return value;
        }
    }

    private String time(String value) {
        try {
            if (ISO_DATE.matcher(value).matches()) {
                return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                        .format(LocalDate.parse(value));
            }
            if (ISO_INSTANT.matcher(value).matches()) {
                return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(locale).withZone(zone).format(Instant.parse(value));
            }
        } catch (DateTimeParseException e) {
            return value;
        }
        return value;
    }
}
