package wales.activeoffer.config;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import wales.activeoffer.inbox.WorkRoot;

/**
 * The zero-setup default: when no {@code spring.datasource.url} is given, an H2 database in file mode under the work
 * root, in PostgreSQL compatibility mode, runs the same Flyway migrations and code paths as production PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    /**
     * The database's folder is the service account's alone (and so are its files), whatever the umask: it holds the
     * record-level data. It is made so when the first connection is asked for, not before, so that commands that never
     * touch the store (help, validate) create nothing.
     */
    @Bean
    DataSource dataSource(WorkRoot workRoot) {
        Path folder = workRoot.root().resolve("db");
        String file = folder.resolve("activeoffer").toString();
        DataSource h2 = DataSourceBuilder.create()
                .url("jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
                .username("sa")
                .build();
        AtomicBoolean restricted = new AtomicBoolean();
        return new DelegatingDataSource(h2) {
            @Override
            public Connection getConnection() throws SQLException {
                if (restricted.compareAndSet(false, true)) {
                    ownerOnly(folder);
                }
                return super.getConnection();
            }
        };
    }

    private static void ownerOnly(Path folder) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            Files.createDirectories(folder);
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            try (Stream<Path> files = Files.list(folder)) {
                for (Path existing : files.filter(Files::isRegularFile).toList()) {
                    Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-------"));
                }
            }
        } catch (IOException e) {
            throw new PipelineSetupException("Cannot create the embedded database's folder " + folder
                    + " for the service account alone; check that activeoffer.work-root can be written", e);
        }
    }
}
