package eu.koopera.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

/** Platform operators' accounts. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PlatformUserRepository extends CrudRepository<PlatformUser, Long> {

    Optional<PlatformUser> findByUsername(String username);

    void update(@Id Long id, @Nullable String locale);
}
