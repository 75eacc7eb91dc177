package wales.activeoffer.config;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import wales.activeoffer.inbox.WorkRoot;

/**
 * The zero-setup default: when no {@code spring.datasource.url} is given, an H2 database in file mode under the work
 * root, in PostgreSQL compatibility mode, runs the same Flyway migrations and code paths as production PostgreSQL.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    @Bean
    DataSource dataSource(WorkRoot workRoot) {
        String file = workRoot.root().resolve("db").resolve("activeoffer").toString();
        return DataSourceBuilder.create()
                .url("jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
                .username("sa")
                .build();
    }
}
