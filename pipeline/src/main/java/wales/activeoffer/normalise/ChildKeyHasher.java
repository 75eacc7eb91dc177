package wales.activeoffer.normalise;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pseudonymises identifiers with HMAC-SHA256 under a secret key kept outside the repository. The same child of the
 * same authority gets the same key in every file and quarter; without the secret nobody can reverse it.
 */
public final class ChildKeyHasher {
    public static final int MINIMUM_KEY_BYTES = 32;
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final HexFormat HEX = HexFormat.of();
    private final SecretKeySpec key;
    /** One initialised MAC per thread: making one per identifier cost more than the hashing. */
    private final ThreadLocal<Mac> mac;

    public ChildKeyHasher(byte[] secret) {
        if (secret.length < MINIMUM_KEY_BYTES) {
            throw new IllegalArgumentException("the child key must be at least " + MINIMUM_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.mac = ThreadLocal.withInitial(() -> {
            try {
                Mac initialised = Mac.getInstance("HmacSHA256");
                initialised.init(key);
                return initialised;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 is not available", e);
            }
        });
    }

    /** Key for an identifier within one authority: spacing and letter case in the identifier do not matter. */
    public String key(String authorityCode, String identifier) {
        String canonical = authorityCode + ":" + SPACES.matcher(identifier.trim()).replaceAll("").toUpperCase(Locale.ROOT);
        return HEX.formatHex(mac.get().doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
    }
}
