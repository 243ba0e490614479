package eu.koopera.partnerships;

import eu.koopera.audit.AuditAction;
import eu.koopera.audit.AuditMessage;
import eu.koopera.audit.TenantAuditLog;
import eu.koopera.platform.documents.DocumentDownload;
import eu.koopera.platform.documents.DocumentSettings;
import eu.koopera.platform.documents.DocumentTypes;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.security.Roles;
import eu.koopera.platform.web.ApiException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.UUID;

/**
 * The documents of an agreement, such as its signed text. Checked by content like every document (a recognised
 * type, within the size limit, under a safe name); uploaded by the owner's administrators and network coordinators,
 * read by everyone who reads the agreement.
 */
@Singleton
public class AgreementDocumentService {

    private final CallerContext callers;
    private final AgreementAccess access;
    private final AgreementDocumentQueries documents;
    private final DocumentSettings settings;
    private final TenantAuditLog audit;

    public AgreementDocumentService(CallerContext callers, AgreementAccess access, AgreementDocumentQueries documents,
                                    DocumentSettings settings, TenantAuditLog audit) {
        this.callers = callers;
        this.access = access;
        this.documents = documents;
        this.settings = settings;
        this.audit = audit;
    }

    /**
     * Adds a document.
     *
     * @throws ApiException for a file of no recognised type, or over the size limit
     */
    @Transactional
    public AgreementDocument add(UUID agreementId, String fileName, byte[] content) {
        Caller caller = callers.requireTenantRole(Roles.ASSOCIATION_ADMIN, Roles.NETWORK_COORDINATOR);
        AgreementResponse agreement = access.managed(agreementId, caller);
        DocumentTypes.Type type = DocumentTypes.require(fileName, content, settings.maxSize());
        String safeName = DocumentTypes.safeName(fileName, type);
        AgreementDocument added = documents.insert(agreementId, agreement.owner(), safeName, type.mediaType(),
                content, DocumentTypes.sha256(content), caller.username());
        audit.record(AuditAction.CREATE, AgreementService.AUDIT_TYPE, agreementId, AuditMessage.named(
                "agreement.document_added", "Added the document " + safeName + " to the agreement "
                        + agreement.title().in(null), agreement.title().in(null)).with("file", safeName),
                null, added);
        return added;
    }

    /** The agreement's documents, oldest first. */
    @Transactional(readOnly = true)
    public List<AgreementDocument> list(UUID agreementId) {
        access.visible(agreementId, callers.requireTenantUser());
        return documents.list(agreementId);
    }

    /** A document for download: its safe name, recognised type and bytes. */
    @Transactional(readOnly = true)
    public DocumentDownload download(UUID agreementId, UUID documentId) {
        access.visible(agreementId, callers.requireTenantUser());
        return documents.download(agreementId, documentId).orElseThrow(() -> new ApiException.NotFound(
                "The agreement has no document with this id.").withCode("agreement.documentNotFound"));
    }
}
