package wales.activeoffer.normalise;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pseudonymises identifiers with HMAC-SHA256 under a secret key kept outside the repository. The same child of the
 * same authority gets the same key in every file and quarter; without the secret nobody can reverse it.
 */
public final class ChildKeyHasher {
    public static final int MINIMUM_KEY_BYTES = 32;
    private final SecretKeySpec key;

    public ChildKeyHasher(byte[] secret) {
        if (secret.length < MINIMUM_KEY_BYTES) {
            throw new IllegalArgumentException("the child key must be at least " + MINIMUM_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** Key for an identifier within one authority: spacing and letter case in the identifier do not matter. */
    public String key(String authorityCode, String identifier) {
        String canonical = authorityCode + ":" + identifier.trim().replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
