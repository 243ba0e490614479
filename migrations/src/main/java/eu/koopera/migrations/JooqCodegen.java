package eu.koopera.migrations;

import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.SchemaMappingType;
import org.jooq.meta.jaxb.Target;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HexFormat;
import java.util.List;

/**
 * Build-time entry point: generates jOOQ classes from the changelogs applied to a real PostgreSQL.
 *
 * <p>Starts an embedded server, migrates {@code platform} and a template schema {@code tenant}, and generates
 * {@code eu.koopera.jooq.platform} (tables qualified with {@code platform}) and {@code eu.koopera.jooq.tenant}
 * (tables left unqualified, so they resolve in whichever tenant schema the connection is bound to). Skips all of
 * it when the changelogs have not changed since the last run.
 *
 * <p>Arguments: the output source directory, and a scratch directory for the server.
 */
public final class JooqCodegen {

    private static final String TEMPLATE_TENANT_SCHEMA = "tenant";

    private JooqCodegen() {
    }

    public static void main(String[] args) throws Exception {
        Path output = Path.of(args[0]).toAbsolutePath();
        Path scratch = Path.of(args[1]).toAbsolutePath();
        Path stamp = output.resolve(".changelog-sha256");
        String digest = changelogDigest();
        if (Files.exists(stamp) && Files.readString(stamp).equals(digest)) {
            return;
        }
        try (EmbeddedPostgres server = EmbeddedPostgres.start(scratch)) {
            SchemaMigrator migrator = new SchemaMigrator();
            try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.superuser(), server.superuserPassword())) {
                migrator.migrate(connection, SchemaMigrator.PLATFORM_CHANGELOG, SchemaMigrator.PLATFORM_SCHEMA);
                migrator.migrate(connection, SchemaMigrator.SHARED_CHANGELOG, SchemaMigrator.SHARED_SCHEMA);
                migrator.migrate(connection, SchemaMigrator.TENANT_CHANGELOG, TEMPLATE_TENANT_SCHEMA);
            }
            generate(server, SchemaMigrator.PLATFORM_SCHEMA, false, "eu.koopera.jooq.platform", output);
            generate(server, SchemaMigrator.SHARED_SCHEMA, false, "eu.koopera.jooq.shared", output);
            generate(server, TEMPLATE_TENANT_SCHEMA, true, "eu.koopera.jooq.tenant", output);
        }
        Files.writeString(stamp, digest);
    }

    private static void generate(EmbeddedPostgres server, String schema, boolean unqualified, String packageName,
                                 Path output) throws Exception {
        Configuration configuration = new Configuration()
                .withJdbc(new Jdbc().withDriver("org.postgresql.Driver").withUrl(server.jdbcUrl())
                        .withUser(server.superuser()).withPassword(server.superuserPassword()))
                .withGenerator(new Generator()
                        .withDatabase(new Database()
                                .withName("org.jooq.meta.postgres.PostgresDatabase")
                                .withSchemata(new SchemaMappingType().withInputSchema(schema)
                                        .withOutputSchemaToDefault(unqualified))
                                .withExcludes("databasechangelog|databasechangeloglock"))
                        .withGenerate(new Generate().withRecords(true).withPojos(false).withDaos(false)
                                .withJavaTimeTypes(true).withGeneratedAnnotation(false)
                                .withComments(false).withSequences(false))
                        .withTarget(new Target().withPackageName(packageName).withDirectory(output.toString())
                                .withClean(true)));
        GenerationTool.generate(configuration);
    }

    private static String changelogDigest() throws NoSuchAlgorithmException {
        SchemaMigrator migrator = new SchemaMigrator();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String changelog : List.of(SchemaMigrator.PLATFORM_CHANGELOG, SchemaMigrator.SHARED_CHANGELOG,
                SchemaMigrator.TENANT_CHANGELOG)) {
            sha.update(migrator.fingerprint(changelog).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
