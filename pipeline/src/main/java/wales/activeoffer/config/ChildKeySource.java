package wales.activeoffer.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import wales.activeoffer.normalise.ChildKeyHasher;

/** Finds the child-key secret in configuration, refusing to start without one that is long enough. */
public final class ChildKeySource {
    /** Public on purpose: it protects nothing and must only ever meet the generated sample data. */
    public static final String DEMO_SECRET = "DEMO KEY - sample data only - never use for real children's data";
    private static final Logger log = LoggerFactory.getLogger(ChildKeySource.class);

    private ChildKeySource() {
    }

    /** The profile of the quick start, the only place the demo key may be used. */
    public static final String SAMPLE_PROFILE = "sample";

    /**
     * The secret to use. The demo key is refused unless the {@code sample} profile is active, so a production
     * deployment can never run on it, whether asked for with {@code demo=true} or pasted in as the secret.
     */
    public static byte[] secret(PipelineProperties.ChildKey key, Set<String> activeProfiles) {
        byte[] secret = secretAsConfigured(key);
        boolean demo = Arrays.equals(secret, DEMO_SECRET.getBytes(StandardCharsets.UTF_8));
        if (demo && !activeProfiles.contains(SAMPLE_PROFILE)) {
            throw new PipelineSetupException("The demo child key is for the generated sample data only and is refused "
                    + "here (the 'sample' profile is not active). Set activeoffer.child-key.file to the real key.");
        }
        if (demo) {
            log.warn("Using the DEMO child key (profile 'sample'). Child keys are NOT protected. "
                    + "Use it for the generated sample data only.");
        }
        return secret;
    }

    private static byte[] secretAsConfigured(PipelineProperties.ChildKey key) {
        byte[] secret;
        String setting;
        if (key.file() != null) {
            setting = "activeoffer.child-key.file";
            refuseIfOthersCanRead(key.file());
            try {
                secret = Files.readString(key.file(), StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new PipelineSetupException("Cannot read the child key file given by activeoffer.child-key.file ("
                        + key.file() + ")", e);
            }
        } else if (key.secret() != null && !key.secret().isBlank()) {
            setting = "activeoffer.child-key.secret";
            secret = key.secret().getBytes(StandardCharsets.UTF_8);
        } else if (key.demo()) {
            return DEMO_SECRET.getBytes(StandardCharsets.UTF_8);
        } else {
            throw new PipelineSetupException("No child key is configured. Set activeoffer.child-key.file "
                    + "(environment: ACTIVEOFFER_CHILDKEY_FILE) to a file outside the repository holding a secret of at "
                    + "least " + ChildKeyHasher.MINIMUM_KEY_BYTES + " bytes, or activeoffer.child-key.demo=true for the "
                    + "sample data only.");
        }
        if (secret.length < ChildKeyHasher.MINIMUM_KEY_BYTES) {
            throw new PipelineSetupException("The child key given by " + setting + " is " + secret.length
                    + " bytes; it must be at least " + ChildKeyHasher.MINIMUM_KEY_BYTES + " bytes.");
        }
        long distinct = distinctBytes(secret);
        if (distinct < MINIMUM_DISTINCT_BYTES) {
            throw new PipelineSetupException("The child key given by " + setting + " has only " + distinct
                    + " different character(s), so it is easy to guess; make a new one (head -c 48 /dev/urandom | "
                    + "base64) and keep it in the key file.");
        }
        return secret;
    }

    /** Fewer different bytes than this (a key of one character repeated, say) is too easy to guess. */
    static final int MINIMUM_DISTINCT_BYTES = 8;

    private static long distinctBytes(byte[] secret) {
        boolean[] seen = new boolean[256];
        long distinct = 0;
        for (byte b : secret) {
            if (!seen[b & 0xff]) {
                seen[b & 0xff] = true;
                distinct++;
            }
        }
        return distinct;
    }

    /** A key file that other users can read (or change) protects nothing: only the service account may. */
    private static void refuseIfOthersCanRead(Path file) {
        try {
            if (!Files.exists(file) || !file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                return;
            }
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(OTHERS::contains)) {
                throw new PipelineSetupException("The child key file given by activeoffer.child-key.file (" + file
                        + ") can be read or changed by other users (" + PosixFilePermissions.toString(permissions)
                        + "); make it the service account's alone: chmod 400 " + file);
            }
        } catch (IOException e) {
            throw new PipelineSetupException("Cannot read the child key file given by activeoffer.child-key.file ("
                    + file + ")", e);
        }
    }

    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);
}
