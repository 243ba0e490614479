package eu.koopera.platform.database;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

import javax.sql.DataSource;

/**
 * The jOOQ entry point. It draws connections from the injected {@link DataSource}, which joins the current
 * Micronaut transaction and is bound to the current tenant's schema like every other connection.
 */
@Factory
class JooqConfiguration {

    @Singleton
    DSLContext dslContext(DataSource dataSource) {
        Settings settings = new Settings()
                .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED)
                .withExecuteLogging(false);
        return DSL.using(dataSource, SQLDialect.POSTGRES, settings);
    }
}
