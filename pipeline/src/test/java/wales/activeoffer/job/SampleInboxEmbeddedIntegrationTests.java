package wales.activeoffer.job;

import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import wales.activeoffer.support.TestDatabases;

/** The sample-inbox scenario on the embedded default (H2 in file mode under the work root). */
class SampleInboxEmbeddedIntegrationTests extends SampleInboxScenario {
    static final Path WORK_ROOT = TestDatabases.newWorkRoot("sample-h2");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabases.common(registry, WORK_ROOT, INBOX);
    }
}
