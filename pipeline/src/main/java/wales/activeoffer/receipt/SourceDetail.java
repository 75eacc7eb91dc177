package wales.activeoffer.receipt;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import wales.activeoffer.wording.Wording;

/**
 * What was detected about a file (its lineage, stored with its records as the reader describes it: {@code csv;
 * encoding UTF-8 (byte-order mark); delimiter comma (detected)}, {@code xlsx; sheets read: 3 visible of 4; recording
 * form}) in the words of a receipt. The stored text stays as it is: it is data, and the same in every release.
 */
final class SourceDetail {
    private static final Pattern ENCODING = Pattern.compile("encoding (\\S+)( \\(byte-order mark\\)| \\(detected\\))?");
    private static final Pattern DELIMITER = Pattern.compile("delimiter (tab|comma|semicolon|pipe|'.')( \\(detected\\))?");
    private static final Pattern XLSX_SHEETS = Pattern.compile("sheets read: (\\d+) visible of (\\d+)");
    private static final Pattern XLS_SHEETS = Pattern.compile("(\\d+) visible sheet\\(s\\) of (\\d+)");

    private SourceDetail() {
    }

    /** The detail in the receipt's words; a part this does not know is shown as stored. */
    static String inWords(String detail, Wording words) {
        if (detail == null || detail.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String part : detail.split("; ")) {
            parts.add(part(part, words));
        }
        return String.join("; ", parts);
    }

    private static String part(String part, Wording words) {
        Matcher m = ENCODING.matcher(part);
        if (m.matches()) {
            return words.text("detail.encoding", m.group(1)) + how(m.group(2), words);
        }
        m = DELIMITER.matcher(part);
        if (m.matches()) {
            String name = m.group(1).startsWith("'") ? m.group(1) : words.text("detail." + m.group(1));
            return words.text("detail.delimiter", name) + how(m.group(2), words);
        }
        m = XLSX_SHEETS.matcher(part);
        if (m.matches()) {
            return words.text("detail.xlsxSheets", m.group(1), m.group(2));
        }
        m = XLS_SHEETS.matcher(part);
        if (m.matches()) {
            return words.text("detail.xlsSheets", m.group(1), m.group(2));
        }
        return part.equals("recording form") ? words.text("detail.form") : part;
    }

    private static String how(String how, Wording words) {
        if (how == null) {
            return "";
        }
        return " " + words.text(how.contains("byte-order") ? "detail.byteOrderMark" : "detail.detected");
    }
}
