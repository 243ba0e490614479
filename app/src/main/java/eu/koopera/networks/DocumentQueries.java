package eu.koopera.networks;

import eu.koopera.jooq.shared.tables.records.NetworkDocumentRecord;
import eu.koopera.jooq.shared.tables.records.NetworkDocumentVersionRecord;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import static eu.koopera.jooq.shared.Tables.NETWORK_DOCUMENT;
import static eu.koopera.jooq.shared.Tables.NETWORK_DOCUMENT_VERSION;

/** Documents and their versions in {@code shared}; row-level security limits them to the network's participants. */
@Singleton
class DocumentQueries {

    private final DSLContext sql;

    DocumentQueries(DSLContext sql) {
        this.sql = sql;
    }

    UUID insert(UUID networkId, @Nullable UUID meetingId, String title, String tenant, String username) {
        return sql.insertInto(NETWORK_DOCUMENT)
                .set(NETWORK_DOCUMENT.NETWORK_ID, networkId)
                .set(NETWORK_DOCUMENT.MEETING_ID, meetingId)
                .set(NETWORK_DOCUMENT.TITLE, title)
                .set(NETWORK_DOCUMENT.CREATED_TENANT, tenant)
                .set(NETWORK_DOCUMENT.CREATED_BY, username)
                .returning(NETWORK_DOCUMENT.ID).fetchSingle(NETWORK_DOCUMENT.ID);
    }

    /** The next version number of a document, its row locked so that concurrent uploads number in turn. */
    Optional<Integer> lockNextVersion(UUID documentId) {
        return sql.select(NETWORK_DOCUMENT.LATEST_VERSION).from(NETWORK_DOCUMENT)
                .where(NETWORK_DOCUMENT.ID.eq(documentId)).forUpdate()
                .fetchOptional(row -> row.value1() + 1);
    }

    void addVersion(UUID documentId, int version, String fileName, String contentType, long size, String sha256,
                    UUID contentKey, String tenant, String username) {
        sql.insertInto(NETWORK_DOCUMENT_VERSION)
                .set(NETWORK_DOCUMENT_VERSION.DOCUMENT_ID, documentId)
                .set(NETWORK_DOCUMENT_VERSION.VERSION, version)
                .set(NETWORK_DOCUMENT_VERSION.FILE_NAME, fileName)
                .set(NETWORK_DOCUMENT_VERSION.CONTENT_TYPE, contentType)
                .set(NETWORK_DOCUMENT_VERSION.SIZE_BYTES, size)
                .set(NETWORK_DOCUMENT_VERSION.SHA256, sha256)
                .set(NETWORK_DOCUMENT_VERSION.CONTENT_KEY, contentKey)
                .set(NETWORK_DOCUMENT_VERSION.UPLOADED_TENANT, tenant)
                .set(NETWORK_DOCUMENT_VERSION.UPLOADED_BY, username)
                .execute();
        sql.update(NETWORK_DOCUMENT).set(NETWORK_DOCUMENT.LATEST_VERSION, version)
                .where(NETWORK_DOCUMENT.ID.eq(documentId)).execute();
    }

    Optional<DocumentResponse> find(UUID id) {
        return withVersions(sql.selectFrom(NETWORK_DOCUMENT).where(NETWORK_DOCUMENT.ID.eq(id)).fetch())
                .stream().findFirst();
    }

    /** A network's documents, newest first. */
    List<DocumentResponse> list(UUID networkId) {
        return withVersions(sql.selectFrom(NETWORK_DOCUMENT).where(NETWORK_DOCUMENT.NETWORK_ID.eq(networkId))
                .orderBy(NETWORK_DOCUMENT.CREATED_AT.desc(), NETWORK_DOCUMENT.ID).fetch());
    }

    /** Where the content of one version is, with its recorded file name and type. */
    Optional<StoredVersion> version(UUID documentId, int version) {
        return sql.selectFrom(NETWORK_DOCUMENT_VERSION).where(NETWORK_DOCUMENT_VERSION.DOCUMENT_ID.eq(documentId),
                NETWORK_DOCUMENT_VERSION.VERSION.eq(version))
                .fetchOptional(row -> new StoredVersion(row.getFileName(), row.getContentType(), row.getContentKey()));
    }

    /** A version as the download needs it. */
    record StoredVersion(String fileName, String contentType, UUID contentKey) {
    }

    private List<DocumentResponse> withVersions(List<NetworkDocumentRecord> documents) {
        if (documents.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<DocumentResponse.Version>> versions = sql.selectFrom(NETWORK_DOCUMENT_VERSION)
                .where(NETWORK_DOCUMENT_VERSION.DOCUMENT_ID.in(documents.stream().map(NetworkDocumentRecord::getId)
                        .toList()))
                .orderBy(NETWORK_DOCUMENT_VERSION.DOCUMENT_ID, NETWORK_DOCUMENT_VERSION.VERSION.desc())
                .fetch().stream()
                .collect(Collectors.groupingBy(NetworkDocumentVersionRecord::getDocumentId,
                        Collectors.mapping(DocumentQueries::version, Collectors.toList())));
        List<DocumentResponse> responses = new ArrayList<>();
        for (NetworkDocumentRecord row : documents) {
            responses.add(new DocumentResponse(row.getId(), row.getNetworkId(), row.getMeetingId(), row.getTitle(),
                    row.getLatestVersion(), row.getCreatedTenant(), row.getCreatedBy(),
                    row.getCreatedAt().toInstant(), versions.getOrDefault(row.getId(), List.of())));
        }
        return responses;
    }

    private static DocumentResponse.Version version(NetworkDocumentVersionRecord row) {
        return new DocumentResponse.Version(row.getVersion(), row.getFileName(), row.getContentType(),
                row.getSizeBytes(), row.getSha256(), row.getUploadedTenant(), row.getUploadedBy(),
                row.getUploadedAt().toInstant());
    }
}
