package eu.koopera.benchlearning;

import eu.koopera.platform.documents.DocumentDownload;
import eu.koopera.audit.AuditAction;
import eu.koopera.audit.AuditMessage;
import eu.koopera.audit.TenantAuditLog;
import eu.koopera.members.MemberService;
import eu.koopera.networks.LocalizedText;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.documents.DocumentSettings;
import eu.koopera.platform.documents.DocumentTypes;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Good-practice examples linked to the indicators they explain: everyone in the association reads them (learning
 * from each other is the point); administrators, coordinators and the organisation's own users write them.
 */
@Singleton
public class GoodPracticeService {

    static final String AUDIT_TYPE = "good-practice";
    static final String DOCUMENT_AUDIT_TYPE = "good-practice-document";
    private static final int TITLE_LENGTH = 200;

    private final CallerContext callers;
    private final GoodPracticeQueries practices;
    private final IndicatorQueries indicators;
    private final MemberService members;
    private final OwnOrganisation own;
    private final TenantAuditLog audit;
    private final DocumentSettings documentSettings;

    public GoodPracticeService(CallerContext callers, GoodPracticeQueries practices, IndicatorQueries indicators,
                               MemberService members, OwnOrganisation own, TenantAuditLog audit,
                               DocumentSettings documentSettings) {
        this.callers = callers;
        this.practices = practices;
        this.indicators = indicators;
        this.members = members;
        this.own = own;
        this.audit = audit;
        this.documentSettings = documentSettings;
    }

    /**
     * Records an example.
     *
     * @throws ApiException.BadRequest when the member or an indicator is unknown or the title is missing
     * @throws ApiException.Forbidden  when a municipal user writes for another organisation
     */
    @Transactional
    public GoodPractice create(GoodPracticeCommand command) {
        Caller caller = callers.requireTenantUser();
        GoodPracticeCommand checked = validate(command);
        own.requireWrite(caller, command.member(), "goodPractice.member.notOwn");
        long id = practices.insert(checked, caller.username());
        GoodPractice created = practices.find(id).orElseThrow();
        audit.record(AuditAction.CREATE, AUDIT_TYPE, id, AuditMessage.named("good_practice.created",
                "Recorded the good practice " + created.title().in(null), created.title().in(null)), null, created);
        return created;
    }

    /**
     * Replaces an example; its member stays.
     *
     * @throws ApiException.Conflict when {@code version} is stale (with the current state)
     */
    @Transactional
    public GoodPractice update(long id, GoodPracticeCommand command) {
        Caller caller = callers.requireTenantUser();
        GoodPractice before = practices.find(id).orElseThrow(() -> unknown(id));
        own.requireWrite(caller, before.member(), "goodPractice.member.notOwn");
        if (command.version() == null || command.member() != before.member()) {
            throw new ApiException.BadRequest("The example has invalid fields.", List.of(command.version() == null
                    ? error("version", "must not be null", "required")
                    : error("member", "an example stays with its member", "goodPractice.member.fixed")));
        }
        GoodPracticeCommand checked = validate(command);
        if (!practices.update(id, command.version(), checked)) {
            throw new ApiException.Conflict("The example was changed by someone else; here is its current state.",
                    before).withCode("stale-version");
        }
        GoodPractice after = practices.find(id).orElseThrow();
        audit.record(AuditAction.UPDATE, AUDIT_TYPE, id, AuditMessage.named("good_practice.updated",
                "Changed the good practice " + after.title().in(null), after.title().in(null)), before, after);
        return after;
    }

    @Transactional(readOnly = true)
    public GoodPractice get(long id) {
        callers.requireTenantUser();
        return practices.find(id).orElseThrow(() -> unknown(id));
    }

    /** Examples explaining an indicator and/or of a member, newest first. */
    @Transactional(readOnly = true)
    public List<GoodPractice> list(@Nullable String indicator, @Nullable Long member) {
        callers.requireTenantUser();
        return practices.list(indicator, member);
    }

    /**
     * Adds a document (PDF, Office, OpenDocument, PNG or JPEG, recognised by its content) to an example; whoever may
     * change the example may add to it.
     *
     * @throws ApiException.NotFound      when there is no such example
     * @throws ApiException.TooLarge      when the file is over {@code koopera.documents.max-size}
     * @throws ApiException.Unprocessable when its content is not an accepted document type
     */
    @Transactional
    public GoodPractice addDocument(long id, String fileName, byte[] content) {
        Caller caller = callers.requireTenantUser();
        GoodPractice practice = practices.find(id).orElseThrow(() -> unknown(id));
        own.requireWrite(caller, practice.member(), "goodPractice.member.notOwn");
        DocumentTypes.Type type = DocumentTypes.require(fileName, content, documentSettings.maxSize());
        String safeName = DocumentTypes.safeName(fileName, type);
        long document = practices.insertDocument(id, safeName, type.mediaType(), content,
                DocumentTypes.sha256(content), caller.username());
        GoodPractice after = practices.find(id).orElseThrow();
        GoodPractice.Document added = after.documents().stream().filter(one -> one.id() == document).findFirst()
                .orElseThrow();
        audit.record(AuditAction.CREATE, DOCUMENT_AUDIT_TYPE, document, AuditMessage.named(
                "good_practice.document_added", "Added the document " + safeName + " to the good practice "
                        + practice.title().in(null), practice.title().in(null)).with("file", safeName), null, added);
        return after;
    }

    /** A document of an example, for download: its safe name, recognised type and bytes. */
    @Transactional(readOnly = true)
    public DocumentDownload document(long id, long document) {
        callers.requireTenantUser();
        return practices.document(id, document).orElseThrow(() -> unknownDocument(id, document));
    }

    /** Removes a document from an example; whoever may change the example may remove it. */
    @Transactional
    public GoodPractice removeDocument(long id, long document) {
        Caller caller = callers.requireTenantUser();
        GoodPractice practice = practices.find(id).orElseThrow(() -> unknown(id));
        own.requireWrite(caller, practice.member(), "goodPractice.member.notOwn");
        GoodPractice.Document removed = practice.documents().stream().filter(one -> one.id() == document)
                .findFirst().orElseThrow(() -> unknownDocument(id, document));
        practices.deleteDocument(id, document);
        audit.record(AuditAction.DELETE, DOCUMENT_AUDIT_TYPE, document, AuditMessage.named(
                "good_practice.document_removed", "Removed the document " + removed.fileName()
                        + " from the good practice " + practice.title().in(null), practice.title().in(null))
                .with("file", removed.fileName()), removed, null);
        return practices.find(id).orElseThrow();
    }

    private static ApiException unknownDocument(long id, long document) {
        return new ApiException.NotFound("The good-practice example " + id + " has no document " + document + ".")
                .withCode("goodPractice.document.unknown");
    }


    private GoodPracticeCommand validate(GoodPracticeCommand command) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!members.exists(command.member())) {
            errors.add(error("member", "no member with this id", "member.unknown"));
        }
        LocalizedText title = command.title().normalized();
        if (title.isEmpty()) {
            errors.add(error("title", "must be given in at least one of lv, lt, en", "text.oneLanguage"));
        } else if (title.longest() > TITLE_LENGTH) {
            errors.add(error("title", "must be at most " + TITLE_LENGTH + " characters", "text.tooLong",
                    TITLE_LENGTH));
        }
        List<String> codes = command.indicators() == null ? List.of() : command.indicators();
        Map<String, Indicator> known = indicators.byCodes(codes);
        for (int i = 0; i < codes.size(); i++) {
            if (!known.containsKey(codes.get(i))) {
                errors.add(error("indicators[" + i + "]", "unknown indicator", "indicator.unknown", codes.get(i)));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException.BadRequest("The example has invalid fields.", errors);
        }
        return new GoodPracticeCommand(command.member(), title, command.description().strip(), codes,
                command.links(), command.version());
    }

    private static Problem.FieldError error(String field, String message, String code, Object... params) {
        return new Problem.FieldError(field, message, null, null, code,
                java.util.Arrays.stream(params).map(String::valueOf).toList());
    }

    static ApiException unknown(long id) {
        return new ApiException.NotFound("There is no good-practice example " + id + " in the association.")
                .withCode("goodPractice.unknown");
    }
}
