package eu.koopera.networks;

import jakarta.inject.Singleton;
import org.jooq.DSLContext;

import java.util.Optional;
import java.util.UUID;

import static eu.koopera.jooq.shared.Tables.DOCUMENT_CONTENT;

/** The default {@link DocumentStore}: keeps document content in {@code shared.document_content}, readable where a version of it is readable. */
@Singleton
class DocumentContentQueries implements DocumentStore {

    private final DSLContext sql;

    DocumentContentQueries(DSLContext sql) {
        this.sql = sql;
    }

    @Override
    public UUID put(byte[] content) {
        UUID key = UUID.randomUUID();
        sql.insertInto(DOCUMENT_CONTENT).set(DOCUMENT_CONTENT.KEY, key).set(DOCUMENT_CONTENT.BYTES, content).execute();
        return key;
    }

    @Override
    public Optional<byte[]> get(UUID key) {
        return sql.select(DOCUMENT_CONTENT.BYTES).from(DOCUMENT_CONTENT).where(DOCUMENT_CONTENT.KEY.eq(key))
                .fetchOptional(DOCUMENT_CONTENT.BYTES);
    }
}
