package wales.activeoffer.receipt;

/**
 * Neutralises text that a spreadsheet would run as a formula when it opens a CSV we wrote (OWASP "CSV injection"):
 * a leading {@code = + - @}, tab or carriage return gets a single quote in front.
 */
public final class SpreadsheetSafe {
    private SpreadsheetSafe() {
    }

    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        boolean trigger = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                || first == '\uFF1D' || first == '\uFF0B' || first == '\uFF0D' || first == '\uFF20';
        return trigger ? "'" + value : value;
    }
}
