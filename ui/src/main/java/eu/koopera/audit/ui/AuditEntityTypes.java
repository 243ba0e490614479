package eu.koopera.audit.ui;

import com.vaadin.flow.component.Component;

import java.util.List;

/** The kinds of records an association's audit log holds, named in the user's language. */
public final class AuditEntityTypes {

    /** The entity types the tenant services record, in the order the filter offers them. */
    public static final List<String> KNOWN = List.of("member", "person", "invitation", "account", "indicator",
            "indicator-values", "peer-group", "improvement-plan", "good-practice", "good-practice-document",
            "open-data", "agreement", "partner_announcement", "foreign_municipality", "partner_search");

    private AuditEntityTypes() {
    }

    /** The type in the user's language; a type recorded by a later feature shows as stored until it is named. */
    static String label(Component component, String type) {
        return KNOWN.contains(type) ? component.getTranslation("audit.entity." + type) : type;
    }
}
