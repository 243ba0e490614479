package eu.koopera.partnerships;

import eu.koopera.platform.documents.DocumentDownload;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.Record;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static eu.koopera.jooq.shared.Tables.AGREEMENT_DOCUMENT;

/** The documents of agreements in {@code shared}; row-level security lets only readers of the agreement read them. */
@Singleton
class AgreementDocumentQueries {

    private final DSLContext sql;

    AgreementDocumentQueries(DSLContext sql) {
        this.sql = sql;
    }

    AgreementDocument insert(UUID agreementId, String owner, String fileName, String mediaType, byte[] content,
                             String sha256, String uploadedBy) {
        return sql.insertInto(AGREEMENT_DOCUMENT)
                .set(AGREEMENT_DOCUMENT.AGREEMENT_ID, agreementId)
                .set(AGREEMENT_DOCUMENT.OWNER_TENANT, owner)
                .set(AGREEMENT_DOCUMENT.FILE_NAME, fileName)
                .set(AGREEMENT_DOCUMENT.MEDIA_TYPE, mediaType)
                .set(AGREEMENT_DOCUMENT.SIZE_BYTES, content.length)
                .set(AGREEMENT_DOCUMENT.SHA256, sha256)
                .set(AGREEMENT_DOCUMENT.CONTENT, content)
                .set(AGREEMENT_DOCUMENT.UPLOADED_BY, uploadedBy)
                .returning(AGREEMENT_DOCUMENT.ID, AGREEMENT_DOCUMENT.FILE_NAME, AGREEMENT_DOCUMENT.MEDIA_TYPE,
                        AGREEMENT_DOCUMENT.SIZE_BYTES, AGREEMENT_DOCUMENT.SHA256, AGREEMENT_DOCUMENT.UPLOADED_BY,
                        AGREEMENT_DOCUMENT.UPLOADED_AT)
                .fetchSingle(AgreementDocumentQueries::toDocument);
    }

    /** The agreement's documents without their content, oldest first. */
    List<AgreementDocument> list(UUID agreementId) {
        return sql.select(AGREEMENT_DOCUMENT.ID, AGREEMENT_DOCUMENT.FILE_NAME, AGREEMENT_DOCUMENT.MEDIA_TYPE,
                        AGREEMENT_DOCUMENT.SIZE_BYTES, AGREEMENT_DOCUMENT.SHA256, AGREEMENT_DOCUMENT.UPLOADED_BY,
                        AGREEMENT_DOCUMENT.UPLOADED_AT)
                .from(AGREEMENT_DOCUMENT).where(AGREEMENT_DOCUMENT.AGREEMENT_ID.eq(agreementId))
                .orderBy(AGREEMENT_DOCUMENT.UPLOADED_AT, AGREEMENT_DOCUMENT.ID)
                .fetch(AgreementDocumentQueries::toDocument);
    }

    Optional<DocumentDownload> download(UUID agreementId, UUID documentId) {
        return sql.select(AGREEMENT_DOCUMENT.FILE_NAME, AGREEMENT_DOCUMENT.MEDIA_TYPE, AGREEMENT_DOCUMENT.CONTENT)
                .from(AGREEMENT_DOCUMENT)
                .where(AGREEMENT_DOCUMENT.ID.eq(documentId), AGREEMENT_DOCUMENT.AGREEMENT_ID.eq(agreementId))
                .fetchOptional(row -> new DocumentDownload(row.value1(), row.value2(), row.value3()));
    }

    private static AgreementDocument toDocument(Record row) {
        return new AgreementDocument(row.get(AGREEMENT_DOCUMENT.ID), row.get(AGREEMENT_DOCUMENT.FILE_NAME),
                row.get(AGREEMENT_DOCUMENT.MEDIA_TYPE), row.get(AGREEMENT_DOCUMENT.SIZE_BYTES),
                row.get(AGREEMENT_DOCUMENT.SHA256), row.get(AGREEMENT_DOCUMENT.UPLOADED_BY),
                row.get(AGREEMENT_DOCUMENT.UPLOADED_AT));
    }
}
