package eu.koopera.networks;

import eu.koopera.platform.documents.DocumentDownload;
import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.documents.DocumentSettings;
import eu.koopera.platform.documents.DocumentTypes;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Documents shared in a network: any association taking part uploads them and new versions of them; every
 * download checks again that the caller's association takes part. Types are recognised by content
 * ({@link DocumentTypes}); the client's file name is kept only in a safe form.
 */
@Singleton
public class DocumentService {

    private final CallerContext callers;
    private final NetworkAccess access;
    private final DocumentQueries documents;
    private final DocumentStore store;
    private final FeedQueries feed;
    private final DocumentSettings settings;

    public DocumentService(CallerContext callers, NetworkAccess access, DocumentQueries documents,
                           DocumentStore store, FeedQueries feed, DocumentSettings settings) {
        this.callers = callers;
        this.access = access;
        this.documents = documents;
        this.store = store;
        this.feed = feed;
        this.settings = settings;
    }

    /**
     * Adds a document to a network the caller's association takes part in.
     *
     * @throws ApiException.BadRequest when the file is empty
     * @throws ApiException.TooLarge   when it is over the size limit
     * @throws ApiException.Unprocessable when its content is not an accepted document type
     */
    @Transactional
    public DocumentResponse upload(UUID networkId, @Nullable String title, String fileName, byte[] content) {
        Caller caller = callers.requireTenantUser();
        access.visible(networkId, caller);
        DocumentTypes.Type type = check(fileName, content);
        String safeName = DocumentTypes.safeName(fileName, type);
        String shownTitle = title == null || title.isBlank() ? safeName : title.strip();
        if (shownTitle.length() > 300) {
            throw new ApiException.BadRequest("The title is too long.",
                    List.of(new Problem.FieldError("title", "must be at most 300 characters")));
        }
        UUID id = documents.insert(networkId, null, shownTitle, caller.tenantCode(), caller.username());
        store(id, 1, safeName, type, content, caller);
        feed.append(networkId, caller.tenantCode(), caller.username(), FeedKind.DOCUMENT_ADDED,
                Map.of("title", shownTitle));
        return documents.find(id).orElseThrow();
    }

    /** Adds a version to a document of a network the caller's association takes part in. */
    @Transactional
    public DocumentResponse addVersion(UUID documentId, String fileName, byte[] content) {
        Caller caller = callers.requireTenantUser();
        DocumentResponse document = documents.find(documentId).orElseThrow(DocumentService::notFound);
        access.visible(document.networkId(), caller);
        DocumentTypes.Type type = check(fileName, content);
        int version = documents.lockNextVersion(documentId).orElseThrow(DocumentService::notFound);
        store(documentId, version, DocumentTypes.safeName(fileName, type), type, content, caller);
        feed.append(document.networkId(), caller.tenantCode(), caller.username(), FeedKind.DOCUMENT_VERSION_ADDED,
                Map.of("title", document.title(), "version", version));
        return documents.find(documentId).orElseThrow();
    }

    /** The documents of a network the caller's association takes part in. */
    @Transactional(readOnly = true)
    public List<DocumentResponse> list(UUID networkId) {
        access.visible(networkId, callers.requireTenantUser());
        return documents.list(networkId);
    }

    /** A version's content (the latest when {@code version} is null), checked against the caller every time. */
    @Transactional(readOnly = true)
    public DocumentDownload download(UUID documentId, @Nullable Integer version) {
        Caller caller = callers.requireTenantUser();
        DocumentResponse document = documents.find(documentId).orElseThrow(DocumentService::notFound);
        access.visible(document.networkId(), caller);
        DocumentQueries.StoredVersion stored = documents.version(documentId,
                version == null ? document.latestVersion() : version).orElseThrow(DocumentService::notFound);
        byte[] content = store.get(stored.contentKey()).orElseThrow(DocumentService::notFound);
        return new DocumentDownload(stored.fileName(), stored.contentType(), content);
    }

    private void store(UUID documentId, int version, String safeName, DocumentTypes.Type type, byte[] content,
                       Caller caller) {
        UUID key = store.put(content);
        documents.addVersion(documentId, version, safeName, type.mediaType(), content.length,
                DocumentTypes.sha256(content), key, caller.tenantCode(), caller.username());
    }

    private DocumentTypes.Type check(String fileName, byte[] content) {
        return DocumentTypes.require(fileName, content, settings.maxSize());
    }


    private static ApiException notFound() {
        return new ApiException.NotFound("No document with this id.");
    }
}
