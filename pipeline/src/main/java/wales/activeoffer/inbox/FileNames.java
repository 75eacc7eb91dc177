package wales.activeoffer.inbox;

import java.nio.charset.StandardCharsets;

/**
 * Names of the files written beside a lead's file (its receipt, checksum, reason), kept within the 255 bytes a file
 * name may have. A lead's name that leaves no room for what is added to it is cut short, at a whole character, and
 * given a short mark of the whole name (so two long names that start alike stay apart); the letter inside still
 * gives the name in full.
 */
public final class FileNames {
    /** The most bytes a file name may have on the file systems the pipeline runs on. */
    static final int MAX_BYTES = 255;
    /** Room kept for a temporary ending ({@code .part}) added while a file is written. */
    private static final int TEMPORARY = ".part".length();

    private FileNames() {
    }

    /** {@code name + ending}, with {@code name} cut short if the whole would be too long a file name. */
    public static String beside(String name, String ending) {
        int room = MAX_BYTES - TEMPORARY - bytes(ending);
        if (bytes(name) <= room) {
            return name + ending;
        }
        String mark = "~" + FileArchive.sha256Of(name).substring(0, 8);
        StringBuilder kept = new StringBuilder();
        int used = bytes(mark);
        for (int i = 0; i < name.length(); ) {
            int codePoint = name.codePointAt(i);
            int size = bytes(new String(Character.toChars(codePoint)));
            if (used + size > room) {
                break;
            }
            kept.appendCodePoint(codePoint);
            used += size;
            i += Character.charCount(codePoint);
        }
        return kept + mark + ending;
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
