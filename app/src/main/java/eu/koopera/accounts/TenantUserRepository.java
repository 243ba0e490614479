package eu.koopera.accounts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

/** Accounts of the current tenant. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface TenantUserRepository extends CrudRepository<TenantUser, Long> {

    Optional<TenantUser> findByUsername(String username);

    boolean existsByUsername(String username);

    void update(@Id Long id, @Nullable String locale);
}
