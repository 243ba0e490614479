package eu.koopera.people;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

/** People of the current tenant. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface PersonRepository extends CrudRepository<Person, Long> {

    Optional<Person> findByUserId(Long userId);
}
