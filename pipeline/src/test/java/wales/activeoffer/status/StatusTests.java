package wales.activeoffer.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import wales.activeoffer.status.ServiceStatus.AuthorityStatus;
import wales.activeoffer.status.ServiceStatus.FileState;
import wales.activeoffer.status.ServiceStatus.LastRun;
import wales.activeoffer.status.ServiceStatus.RegionStatus;

class StatusTests {

    @Test
    void theQuartersMissingRunFromTheFirstSentToTheLastThatHasEnded() {
        // given an authority that sent 2024-25 Q1 and Q3, when the first quarter anyone sent is 2023-24 Q4 and today
        // is in 2024-25 Q3 (October to December), which has not ended
        List<String> missing = MissingQuarters.of(Set.of("2024-25 Q1", "2024-25 Q3"), "2023-24 Q4",
                LocalDate.of(2024, 12, 5));

        // then 2023-24 Q4 and 2024-25 Q2 are missing, and the quarter in progress is not
        assertThat(missing).containsExactly("2023-24 Q4", "2024-25 Q2");
        assertThat(MissingQuarters.of(Set.of(), "2024-25 Q4", LocalDate.of(2025, 4, 1))).containsExactly("2024-25 Q4");
        assertThat(MissingQuarters.of(Set.of(), "2024-25 Q4", LocalDate.of(2025, 3, 31))).isEmpty();
        assertThat(MissingQuarters.earliest(List.of(Set.of("2024-25 Q1"), Set.of("2023-24 Q4", "2024-25 Q2"))))
                .isEqualTo("2023-24 Q4");
    }

    @Test
    void theTextSaysWhatRanWhatIsWaitingAndWhatIsMissing() {
        LocalDateTime received = LocalDateTime.of(2024, 11, 3, 9, 15);
        ServiceStatus status = new ServiceStatus(LocalDateTime.of(2024, 12, 5, 8, 0),
                new LastRun(7, "20241205-023000", "COMPLETED", LocalDateTime.of(2024, 12, 5, 2, 30),
                        LocalDateTime.of(2024, 12, 5, 2, 41)),
                "20241205-023000",
                List.of(new RegionStatus("gwent", "Gwent",
                        new FileState("gwent", "Newport/returns.csv", "Accepted", received),
                        List.of(new AuthorityStatus("W06000022", "Newport",
                                new FileState("gwent", "Newport/returns.csv", "Accepted", received), List.of()),
                                new AuthorityStatus("W06000020", "Torfaen", null, List.of("2024-25 Q1", "2024-25 Q2"))))),
                List.of("gwent/Torfaen/late return.xlsx"),
                List.of(new FileState("gwent", "explodes.csv", "Could not be processed: the data team has been told",
                        received)),
                List.of(new FileState("", "returns.csv", "Rejected", received)), "20241205-023000",
                LocalDate.of(2024, 12, 19));

        assertThat(StatusText.of(status)).isEqualTo("""
                Active Offer pipeline status at 2024-12-05 08:00

                Last run:      run 7 (20241205-023000), completed, started 2024-12-05 02:30, ended 2024-12-05 02:41
                Officials' nightly dataset (restricted):  20241205-023000
                Last public release:  20241205-023000
                Next public release:  2024-12-19
                Waiting in the inbox: 1
                  gwent/Torfaen/late return.xlsx
                Quarantined (the data team must look): 1
                  gwent/explodes.csv, received 2024-11-03 09:15
                Sent to no place the pipeline reads (each has a receipt saying where to put it): 1
                  returns.csv, received 2024-11-03 09:15

                Gwent (gwent)
                  last file: 'Newport/returns.csv' received 2024-11-03 09:15: Accepted
                  Newport: last records from 'Newport/returns.csv' received 2024-11-03 09:15: Accepted; no quarter missing
                  Torfaen: no records yet; missing 2024-25 Q1, 2024-25 Q2
                """);
    }
}
