package eu.koopera.benchlearning;

import eu.koopera.platform.documents.DocumentDownload;
import eu.koopera.platform.database.JsonbColumns;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static eu.koopera.jooq.tenant.Tables.GOOD_PRACTICE;
import static eu.koopera.jooq.tenant.Tables.GOOD_PRACTICE_DOCUMENT;
import static eu.koopera.jooq.tenant.Tables.MEMBER;

/** Good-practice examples of the current association. */
@Singleton
class GoodPracticeQueries {

    private static final Argument<Map<String, String>> TEXTS = Argument.mapOf(String.class, String.class);

    /** Each example's documents (without their content), nested in the example's row. */
    private static final Field<List<GoodPractice.Document>> DOCUMENTS = DSL.multiset(
                    DSL.select(GOOD_PRACTICE_DOCUMENT.ID, GOOD_PRACTICE_DOCUMENT.FILE_NAME,
                                    GOOD_PRACTICE_DOCUMENT.MEDIA_TYPE, GOOD_PRACTICE_DOCUMENT.SIZE_BYTES,
                                    GOOD_PRACTICE_DOCUMENT.UPLOADED_BY, GOOD_PRACTICE_DOCUMENT.UPLOADED_AT)
                            .from(GOOD_PRACTICE_DOCUMENT)
                            .where(GOOD_PRACTICE_DOCUMENT.GOOD_PRACTICE_ID.eq(GOOD_PRACTICE.ID))
                            .orderBy(GOOD_PRACTICE_DOCUMENT.ID))
            .as("documents")
            .convertFrom(rows -> rows.map(row -> new GoodPractice.Document(row.value1(), row.value2(), row.value3(),
                    row.value4(), row.value5(), row.value6().toInstant())));

    private final DSLContext sql;
    private final JsonbColumns json;

    GoodPracticeQueries(DSLContext sql, JsonbColumns json) {
        this.sql = sql;
        this.json = json;
    }

    long insert(GoodPracticeCommand command, String createdBy) {
        return sql.insertInto(GOOD_PRACTICE)
                .set(GOOD_PRACTICE.MEMBER_ID, command.member())
                .set(GOOD_PRACTICE.TITLE, json.write(command.title().asMap()))
                .set(GOOD_PRACTICE.DESCRIPTION, command.description())
                .set(GOOD_PRACTICE.INDICATORS, array(command.indicators()))
                .set(GOOD_PRACTICE.LINKS, array(command.links()))
                .set(GOOD_PRACTICE.CREATED_BY, createdBy)
                .returningResult(GOOD_PRACTICE.ID).fetchSingle().value1();
    }

    boolean update(long id, long version, GoodPracticeCommand command) {
        return sql.update(GOOD_PRACTICE)
                .set(GOOD_PRACTICE.TITLE, json.write(command.title().asMap()))
                .set(GOOD_PRACTICE.DESCRIPTION, command.description())
                .set(GOOD_PRACTICE.INDICATORS, array(command.indicators()))
                .set(GOOD_PRACTICE.LINKS, array(command.links()))
                .set(GOOD_PRACTICE.VERSION, GOOD_PRACTICE.VERSION.plus(1))
                .set(GOOD_PRACTICE.UPDATED_AT, OffsetDateTime.now())
                .where(GOOD_PRACTICE.ID.eq(id), GOOD_PRACTICE.VERSION.eq(version))
                .execute() == 1;
    }

    Optional<GoodPractice> find(long id) {
        return select(GOOD_PRACTICE.ID.eq(id)).stream().findFirst();
    }

    /** Examples explaining an indicator and/or of a member, newest first. */
    List<GoodPractice> list(@Nullable String indicator, @Nullable Long member) {
        List<Condition> conditions = new ArrayList<>();
        if (indicator != null) {
            conditions.add(GOOD_PRACTICE.INDICATORS.contains(new String[]{indicator}));
        }
        if (member != null) {
            conditions.add(GOOD_PRACTICE.MEMBER_ID.eq(member));
        }
        return select(DSL.and(conditions));
    }

    /** Adds a document to an example and gives its id. */
    long insertDocument(long practice, String fileName, String mediaType, byte[] content, String sha256,
                        String uploadedBy) {
        return sql.insertInto(GOOD_PRACTICE_DOCUMENT)
                .set(GOOD_PRACTICE_DOCUMENT.GOOD_PRACTICE_ID, practice)
                .set(GOOD_PRACTICE_DOCUMENT.FILE_NAME, fileName)
                .set(GOOD_PRACTICE_DOCUMENT.MEDIA_TYPE, mediaType)
                .set(GOOD_PRACTICE_DOCUMENT.SIZE_BYTES, content.length)
                .set(GOOD_PRACTICE_DOCUMENT.SHA256, sha256)
                .set(GOOD_PRACTICE_DOCUMENT.CONTENT, content)
                .set(GOOD_PRACTICE_DOCUMENT.UPLOADED_BY, uploadedBy)
                .returningResult(GOOD_PRACTICE_DOCUMENT.ID).fetchSingle().value1();
    }

    /** A document of an example with its content, if both exist. */
    Optional<DocumentDownload> document(long practice, long document) {
        return sql.select(GOOD_PRACTICE_DOCUMENT.FILE_NAME, GOOD_PRACTICE_DOCUMENT.MEDIA_TYPE,
                        GOOD_PRACTICE_DOCUMENT.CONTENT)
                .from(GOOD_PRACTICE_DOCUMENT)
                .where(GOOD_PRACTICE_DOCUMENT.ID.eq(document), GOOD_PRACTICE_DOCUMENT.GOOD_PRACTICE_ID.eq(practice))
                .fetchOptional(row -> new DocumentDownload(row.value1(), row.value2(), row.value3()));
    }

    /** Removes a document of an example; false when there was none. */
    boolean deleteDocument(long practice, long document) {
        return sql.deleteFrom(GOOD_PRACTICE_DOCUMENT)
                .where(GOOD_PRACTICE_DOCUMENT.ID.eq(document), GOOD_PRACTICE_DOCUMENT.GOOD_PRACTICE_ID.eq(practice))
                .execute() == 1;
    }

    private List<GoodPractice> select(Condition where) {
        return sql.select(GOOD_PRACTICE.asterisk(), MEMBER.CODE, MEMBER.NAME, DOCUMENTS).from(GOOD_PRACTICE)
                .join(MEMBER).on(MEMBER.ID.eq(GOOD_PRACTICE.MEMBER_ID))
                .where(where).orderBy(GOOD_PRACTICE.UPDATED_AT.desc(), GOOD_PRACTICE.ID.desc())
                .fetch(this::toPractice);
    }

    private GoodPractice toPractice(Record row) {
        return new GoodPractice(row.get(GOOD_PRACTICE.ID), row.get(GOOD_PRACTICE.MEMBER_ID), row.get(MEMBER.CODE),
                row.get(MEMBER.NAME), eu.koopera.networks.LocalizedText.of(json.read(row.get(GOOD_PRACTICE.TITLE),
                TEXTS)), row.get(GOOD_PRACTICE.DESCRIPTION), List.of(row.get(GOOD_PRACTICE.INDICATORS)),
                List.of(row.get(GOOD_PRACTICE.LINKS)), row.get(DOCUMENTS), row.get(GOOD_PRACTICE.CREATED_BY),
                row.get(GOOD_PRACTICE.UPDATED_AT).toInstant(), row.get(GOOD_PRACTICE.VERSION));
    }

    private static String[] array(@Nullable List<String> values) {
        return values == null ? new String[0] : values.stream().distinct().toArray(String[]::new);
    }
}
