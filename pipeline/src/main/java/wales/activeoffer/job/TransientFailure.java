package wales.activeoffer.job;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells the system's failures from a file's. A lost database connection, a database that does not answer, a full disk
 * or a time-out is the system's failure: the run pauses and is resumed, and no file is quarantined or blamed for it.
 * Anything else that goes wrong while a file is processed is taken to be that file's.
 */
public final class TransientFailure {
    /** SQLSTATE classes of a connection lost (08), resources exhausted such as a full disk (53), an operator's stop (57). */
    private static final String[] TRANSIENT_SQL_STATES = {"08", "53", "57P"};

    private TransientFailure() {
    }

    /** Whether this failure, or anything that caused it, is the system's rather than the file's. */
    public static boolean isTransient(Throwable failure) {
        return cause(failure).isPresent();
    }

    /** The first of these failures that is the system's, if any. */
    public static Optional<Throwable> among(Collection<? extends Throwable> failures) {
        return failures.stream().filter(TransientFailure::isTransient).map(t -> (Throwable) t).findFirst();
    }

    /** The failure in the chain that makes it the system's, if there is one. */
    static Optional<Throwable> cause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (isTransientItself(t)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** What went wrong, in a few plain words for the operator's log (no record data: exception types and states). */
    public static String describe(Throwable failure) {
        Throwable cause = cause(failure).orElse(failure);
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String what = diskFull(root) || diskFull(cause) ? "the disk is full"
                : "the database could not be reached or did not answer";
        String detail = root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getMessage().lines().findFirst().orElse("").strip();
        return what + " (" + detail + ")";
    }

    private static boolean isTransientItself(Throwable t) {
        if (t instanceof RunPausedException || t instanceof TransientDataAccessException
                || t instanceof DataAccessResourceFailureException || t instanceof RecoverableDataAccessException
                || t instanceof CannotCreateTransactionException || t instanceof SQLTransientException
                || t instanceof SQLRecoverableException || t instanceof ConnectException
                || t instanceof SocketTimeoutException) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            for (String state : TRANSIENT_SQL_STATES) {
                if (sql.getSQLState().startsWith(state)) {
                    return true;
                }
            }
        }
        return diskFull(t);
    }

    private static boolean diskFull(Throwable t) {
        String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
        return t instanceof IOException && (message.contains("no space left on device")
                || message.contains("disk quota exceeded"));
    }
}
