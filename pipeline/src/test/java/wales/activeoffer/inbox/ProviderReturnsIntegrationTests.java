package wales.activeoffer.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import wales.activeoffer.job.NightlyRun;
import wales.activeoffer.job.RunSummary;
import wales.activeoffer.support.RepoPaths;
import wales.activeoffer.support.TestDatabases;
import wales.activeoffer.support.WorkbookFixture;

/**
 * A provider's return for every region it serves, dropped in its own folder ({@code inbox/providers/tgp-cymru/}):
 * each row goes to its authority's region, a row for an authority the provider does not serve is rejected with its
 * reason, and the receipt goes back to the provider's folder. A file dropped in {@code inbox/providers/} itself is
 * answered with where to put it.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProviderReturnsIntegrationTests {
    static final Path WORK_ROOT = TestDatabases.newWorkRoot("providers");
    static final Path INBOX = WORK_ROOT.resolveSibling(WORK_ROOT.getFileName() + "-inbox");
    static final String RETURN = "TGP Cymru active offer 2024-25.xlsx";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path tgp = Files.createDirectories(INBOX.resolve("providers/tgp-cymru"));
        WorkbookFixture.build(RepoPaths.root().resolve(
                "pipeline/src/test/resources/layouts/tgp-cymru-monitoring-xlsx--provider-return/input.xlsx.source"),
                tgp.resolve(RETURN));
        Files.copy(tgp.resolve(RETURN), INBOX.resolve("providers/loose " + RETURN));
        TestDatabases.common(registry, WORK_ROOT, INBOX);
    }

    @Autowired
    NightlyRun nightlyRun;
    @Autowired
    JdbcTemplate jdbc;

    RunSummary run;

    @BeforeAll
    void givenAProvidersReturnWhenTheNightlyRunTakesItIn() throws Exception {
        run = nightlyRun.execute();
    }

    @Test
    void eachRowGoesToItsAuthoritysRegionAndTheAuthorityItDoesNotServeIsRejected() throws IOException {
        assertThat(jdbc.queryForList("""
                SELECT authority_code || ' ' || region_code || ' ' || provider_code FROM offer_record
                ORDER BY authority_code""", String.class)).containsExactly(
                        "W06000003 north-wales tgp-cymru", "W06000004 north-wales tgp-cymru",
                        "W06000010 mid-and-west-wales tgp-cymru", "W06000011 western-bay tgp-cymru");
        String receipt = receipt("providers/tgp-cymru", RETURN);
        assertThat(receipt).contains("Region:    each row's authority's region (sent by Tros Gynnal Plant (TGP Cymru))\n")
                .contains("Rows read: 5\nAccepted:  4\nRejected:  1\n").contains("""
                        Sheet 'Western Bay', row 6, column A "LA", value 'Caerdydd': This file came from an advocacy \
                        provider's folder, but that provider did not provide advocacy for this authority on the offer \
                        date, so the row was not taken in. Check the authority and the offer date; the authority's own \
                        provider should send its records. [AO-018]
                        """);
        try (Stream<Path> archived = Files.walk(WORK_ROOT.resolve("archive/providers"))) {
            assertThat(archived.map(p -> p.getFileName().toString())).contains(RETURN, RETURN + ".sha256");
        }
    }

    @Test
    void aFileInTheProvidersFolderItselfIsToldWhereToGo() throws IOException {
        assertThat(receipt("providers", "loose " + RETURN)).contains("Rule: AO-F09").contains("it was put in "
                + "inbox/providers/ itself, not in a provider's folder; move it into your provider's folder "
                + "(inbox/providers/<provider>/, one of: tgp-cymru, nyas-cymru)");
    }

    private static String receipt(String folder, String file) throws IOException {
        try (Stream<Path> receipts = Files.list(WORK_ROOT.resolve("receipts").resolve(folder))) {
            List<Path> found = receipts.filter(p -> p.getFileName().toString().startsWith(file + ".receipt-")
                    && p.toString().endsWith(".txt")).toList();
            assertThat(found).as("receipts of " + file).hasSize(1);
            return Files.readString(found.get(0));
        }
    }
}
