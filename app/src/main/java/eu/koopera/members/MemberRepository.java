package eu.koopera.members;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

/** Member organisations of the current tenant. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface MemberRepository extends CrudRepository<Member, Long> {

    boolean existsByCode(String code);

    boolean existsByCodeAndIdNotEqual(String code, Long id);
}
