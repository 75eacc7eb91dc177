package wales.activeoffer.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures are the system's (the run pauses, nothing is quarantined) and which are a file's. */
class TransientFailureTests {

    @Test
    void aLostOrRefusedDatabaseConnectionIsTheSystemsFailureHoweverDeepItIsWrapped() {
        // given the failures a database cut gives, as Spring, Hikari and pgjdbc wrap them
        Throwable refused = new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLException("Connection to 127.0.0.1:5432 refused.", "08001", new ConnectException("refused")));
        Throwable poolTimedOut = new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out"));
        Throwable commitLost = new TransactionSystemException("Could not commit JDBC transaction",
                new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        Throwable adminShutdown = new IllegalStateException("Cannot take the run lock",
                new SQLException("terminating connection due to administrator command", "57P01"));

        // then each is the system's
        assertThat(List.of(refused, poolTimedOut, commitLost, adminShutdown)).allMatch(TransientFailure::isTransient);
    }

    @Test
    void aFullDiskIsTheSystemsFailureAndSaysSo() {
        Throwable full = new IllegalStateException("Cannot write the receipt",
                new IOException("No space left on device"));
        Throwable fullDatabase = new SQLException("could not extend file: No space left on device", "53100");

        assertThat(TransientFailure.isTransient(full)).isTrue();
        assertThat(TransientFailure.isTransient(fullDatabase)).isTrue();
        assertThat(TransientFailure.describe(full)).isEqualTo("the disk is full (No space left on device)");
    }

    @Test
    void aBugABadValueOrAMissingFileIsTheFilesFailure() {
        // given failures that the file (or the code reading it) causes, including SQL errors that are not connection ones
        Throwable bug = new IllegalStateException("simulated failure while storing");
        Throwable constraint = new SQLException("value too long for type character varying(30)", "22001");
        Throwable missing = new IOException("gwent/Newport/returns.csv (No such file or directory)");
        Throwable noScheme = new IOException("No FileSystem for scheme \"nosuch\"");

        // then none of them is the system's
        assertThat(List.of(bug, constraint, missing, noScheme)).noneMatch(TransientFailure::isTransient);
        assertThat(TransientFailure.among(List.of(bug, constraint))).isEmpty();
    }

    @Test
    void theDescriptionNamesTheDatabaseAndTheFirstLineOfItsReasonWithNoStackTrace() {
        Throwable refused = new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLException("Connection to 127.0.0.1:5432 refused.\nCheck that the hostname and port are correct",
                        "08001"));

        assertThat(TransientFailure.describe(refused)).isEqualTo(
                "the database could not be reached or did not answer (Connection to 127.0.0.1:5432 refused.)");
        assertThat(TransientFailure.among(List.of(new IllegalStateException("file's"), refused))).containsSame(refused);
    }
}
