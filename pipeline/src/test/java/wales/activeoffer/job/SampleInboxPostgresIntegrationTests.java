package wales.activeoffer.job;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import wales.activeoffer.support.TestDatabases;

/** The sample-inbox scenario against the real PostgreSQL, in a schema of its own. */
class SampleInboxPostgresIntegrationTests extends SampleInboxScenario {
    static final Path WORK_ROOT = TestDatabases.newWorkRoot("sample-pg");
    static final String SCHEMA = TestDatabases.newSchemaName();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabases.common(registry, WORK_ROOT, INBOX);
        TestDatabases.usePostgres(registry, SCHEMA);
    }

    @AfterAll
    static void dropSchema() throws Exception {
        TestDatabases.dropPostgresSchema(SCHEMA);
    }
}
