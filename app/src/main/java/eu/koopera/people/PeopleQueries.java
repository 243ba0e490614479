package eu.koopera.people;

import eu.koopera.platform.collation.NameOrder;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.TableOnConditionStep;
import org.jooq.impl.DSL;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static eu.koopera.jooq.tenant.Tables.APP_USER;
import static eu.koopera.jooq.tenant.Tables.MEMBER;
import static eu.koopera.jooq.tenant.Tables.PERSON;

/** Reads people with their organisation and account, and writes imports in bulk. */
@Singleton
class PeopleQueries {

    private static final int BATCH = 1_000;
    private static final String[] NO_LANGUAGES = new String[0];
    private static final List<Field<?>> COLUMNS = List.of(PERSON.ID, PERSON.MEMBER_ID, MEMBER.CODE, MEMBER.NAME,
            PERSON.FIRST_NAME, PERSON.LAST_NAME, PERSON.POSITION, PERSON.EMAIL, PERSON.PHONE, PERSON.LANGUAGES,
            PERSON.NOTES, PERSON.USER_ID, APP_USER.USERNAME, APP_USER.ROLES, PERSON.VERSION, PERSON.CREATED_AT,
            PERSON.UPDATED_AT);

    private final DSLContext sql;
    private final NameOrder names;

    PeopleQueries(DSLContext sql, NameOrder names) {
        this.sql = sql;
        this.names = names;
    }

    /** One page of matching people by name, with the total count. */
    PersonPage search(PersonSearch search, int page, int size) {
        Condition where = conditionFor(search);
        int total = sql.selectCount().from(PERSON.join(MEMBER).on(MEMBER.ID.eq(PERSON.MEMBER_ID))).where(where)
                .fetchSingle(0, int.class);
        List<PersonResponse> items = select().where(where)
                .orderBy(names.collated(PERSON.LAST_NAME), names.collated(PERSON.FIRST_NAME), PERSON.ID)
                .limit(size).offset((long) page * size)
                .fetch(PeopleQueries::toResponse);
        return new PersonPage(items, page, size, total);
    }

    /** How many people have no user account. */
    int countWithoutAccount() {
        return sql.fetchCount(PERSON, PERSON.USER_ID.isNull());
    }

    Optional<PersonResponse> find(long id) {
        return select().where(PERSON.ID.eq(id)).fetchOptional(PeopleQueries::toResponse);
    }

    /** Everyone, by organisation code and name, for export. */
    List<PersonResponse> all() {
        return select().orderBy(MEMBER.CODE, names.collated(PERSON.LAST_NAME), names.collated(PERSON.FIRST_NAME), PERSON.ID)
                .fetch(PeopleQueries::toResponse);
    }

    /** People whose email is one of {@code emails} (lower case), by lower-cased email. */
    Map<String, PersonResponse> byEmails(Collection<String> emails) {
        if (emails.isEmpty()) {
            return Map.of();
        }
        return select().where(DSL.lower(PERSON.EMAIL).in(emails)).fetch(PeopleQueries::toResponse).stream()
                .collect(Collectors.toMap(person -> person.email().toLowerCase(Locale.ROOT), Function.identity()));
    }

    List<PersonResponse> byIds(Collection<Long> ids) {
        return select().where(PERSON.ID.in(ids)).orderBy(PERSON.ID).fetch(PeopleQueries::toResponse);
    }

    /** Whether someone other than {@code exceptId} has this email, regardless of case. */
    boolean emailTaken(String email, @Nullable Long exceptId) {
        Condition other = exceptId == null ? DSL.noCondition() : PERSON.ID.ne(exceptId);
        return sql.fetchExists(PERSON, DSL.lower(PERSON.EMAIL).eq(email.toLowerCase(Locale.ROOT)).and(other));
    }

    /** Inserts imported rows; returns the new ids. */
    List<Long> insertImported(List<PersonImportRow> rows) {
        List<Long> ids = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += BATCH) {
            var insert = sql.insertInto(PERSON, PERSON.MEMBER_ID, PERSON.FIRST_NAME, PERSON.LAST_NAME,
                    PERSON.POSITION, PERSON.EMAIL, PERSON.PHONE, PERSON.LANGUAGES);
            for (PersonImportRow row : rows.subList(from, Math.min(rows.size(), from + BATCH))) {
                insert = insert.values(row.memberId(), row.firstName(), row.lastName(), row.position(), row.email(),
                        row.phone(), row.languages() == null ? NO_LANGUAGES : row.languages().toArray(String[]::new));
            }
            ids.addAll(insert.returning(PERSON.ID).fetch(PERSON.ID));
        }
        return ids;
    }

    /** Updates people by id with the imported columns. */
    void updateImported(List<PersonImportRow> rows, Set<String> columns) {
        List<Query> updates = new ArrayList<>();
        for (PersonImportRow row : rows) {
            var update = sql.update(PERSON)
                    .set(PERSON.MEMBER_ID, row.memberId())
                    .set(PERSON.FIRST_NAME, row.firstName())
                    .set(PERSON.LAST_NAME, row.lastName())
                    .set(PERSON.VERSION, PERSON.VERSION.plus(1))
                    .set(PERSON.UPDATED_AT, OffsetDateTime.now());
            if (columns.contains("position")) {
                update = update.set(PERSON.POSITION, row.position());
            }
            if (columns.contains("phone")) {
                update = update.set(PERSON.PHONE, row.phone());
            }
            if (columns.contains("languages")) {
                update = update.set(PERSON.LANGUAGES,
                        row.languages() == null ? NO_LANGUAGES : row.languages().toArray(String[]::new));
            }
            updates.add(update.where(PERSON.ID.eq(row.id())));
        }
        for (int from = 0; from < updates.size(); from += BATCH) {
            sql.batch(updates.subList(from, Math.min(updates.size(), from + BATCH))).execute();
        }
    }

    private SelectOnConditionStep<Record> select() {
        TableOnConditionStep<Record> people = PERSON.join(MEMBER).on(MEMBER.ID.eq(PERSON.MEMBER_ID));
        return sql.select(COLUMNS).from(people)
                .leftJoin(APP_USER).on(APP_USER.ID.eq(PERSON.USER_ID));
    }

    private static Condition conditionFor(PersonSearch search) {
        List<Condition> conditions = new ArrayList<>();
        if (search.text() != null && !search.text().isBlank()) {
            for (String word : search.text().strip().split("\\s+")) {
                Field<String> pattern = DSL.concat(DSL.inline("%"),
                        DSL.field("platform.search_text({0})", String.class, DSL.val(escapeLike(word))),
                        DSL.inline("%"));
                conditions.add(PERSON.SEARCH_TEXT.like(pattern, '\\').or(MEMBER.SEARCH_TEXT.like(pattern, '\\')));
            }
        }
        if (search.memberId() != null) {
            conditions.add(PERSON.MEMBER_ID.eq(search.memberId()));
        }
        return DSL.and(conditions);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static PersonResponse toResponse(Record row) {
        String roles = row.get(APP_USER.ROLES);
        return new PersonResponse(row.get(PERSON.ID), row.get(PERSON.MEMBER_ID), row.get(MEMBER.CODE),
                row.get(MEMBER.NAME), row.get(PERSON.FIRST_NAME), row.get(PERSON.LAST_NAME), row.get(PERSON.POSITION),
                row.get(PERSON.EMAIL), row.get(PERSON.PHONE), List.of(row.get(PERSON.LANGUAGES)),
                row.get(PERSON.NOTES), row.get(PERSON.USER_ID), row.get(APP_USER.USERNAME),
                roles == null ? List.of() : Arrays.stream(roles.split(",")).filter(role -> !role.isBlank()).toList(),
                row.get(PERSON.VERSION), row.get(PERSON.CREATED_AT).toInstant(),
                row.get(PERSON.UPDATED_AT).toInstant());
    }
}
