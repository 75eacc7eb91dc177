package wales.activeoffer.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Checks a file's bytes against its name before any parser sees it: a workbook must really be the kind of workbook
 * its ending says, a password-protected workbook is named as such, and a "CSV" must be text. Each refusal says what
 * the file really is and what to do.
 */
public final class FileSafety {
    private static final int SAMPLE = 8192;
    static final String PASSWORD_PROTECTED = "the workbook is password-protected, so it cannot be read; remove the "
            + "password (File, Info, Protect Workbook) and send it again";
    static final String SAVE_AS_XLSX = "Open it in Excel, save it as an Excel Workbook (.xlsx) and send it again";
    private static final int DOCTYPE_WINDOW = 2048;

    private FileSafety() {
    }

    public static void check(Path file) {
        String format = TabularSources.formatOf(file);
        try (InputStream in = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
            FileMagic magic = FileMagic.valueOf(in);
            switch (format) {
                case "xlsx" -> {
                    if (magic == FileMagic.OLE2) {
                        throw isEncrypted(file)
                                ? new UnreadableFileException("AO-F03", PASSWORD_PROTECTED)
                                : new UnreadableFileException("AO-F03", "this is an Excel 97-2003 workbook named "
                                        + ".xlsx; save it as .xlsx, or name it .xls");
                    }
                    if (magic != FileMagic.OOXML) {
                        throw new UnreadableFileException("AO-F03", "the file is named .xlsx but is not an Excel "
                                + "workbook: it is " + describe(magic) + ". " + SAVE_AS_XLSX);
                    }
                    refuseDocumentTypes(file);
                }
                case "xls" -> {
                    if (magic == FileMagic.OOXML) {
                        throw new UnreadableFileException("AO-F03", "this is an .xlsx workbook named .xls; name it .xlsx");
                    }
                    if (magic != FileMagic.OLE2) {
                        throw new UnreadableFileException("AO-F03", "the file is named .xls but is not an Excel "
                                + "97-2003 workbook: it is " + describe(magic) + ". " + SAVE_AS_XLSX);
                    }
                }
                default -> {
                    if (magic == FileMagic.OOXML || magic == FileMagic.OLE2 || magic == FileMagic.PDF) {
                        throw new UnreadableFileException("AO-F03", "the file is named like a text file but is "
                                + describe(magic) + "; save it as CSV, or send it with its own ending");
                    }
                    if (isBinary(in)) {
                        throw new UnreadableFileException("AO-F03", "the file is named like a text file but holds "
                                + "binary data, not text");
                    }
                }
            }
        } catch (IOException e) {
            throw UnreadableFileException.cannotOpen(e);
        }
    }

    /**
     * Workbooks never need a DOCTYPE; one in any XML part is how entity-expansion attacks start. Only the first bytes
     * of each part are looked at, so a zip bomb is not inflated here.
     */
    private static void refuseDocumentTypes(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                var entry = entries.nextElement();
                if (!entry.getName().endsWith(".xml") && !entry.getName().endsWith(".rels")) {
                    continue;
                }
                try (InputStream part = zip.getInputStream(entry)) {
                    String start = new String(part.readNBytes(DOCTYPE_WINDOW), StandardCharsets.UTF_8);
                    if (start.contains("<!DOCTYPE") || start.contains("<!ENTITY")) {
                        throw new UnreadableFileException("AO-F03", "the workbook's XML declares a document type or "
                                + "entities, which workbooks never need, so it was not read");
                    }
                }
            }
        } catch (IOException e) {
            throw new UnreadableFileException("AO-F03", XlsxTabularSource.DAMAGED, e);
        }
    }

    private static String describe(FileMagic magic) {
        return switch (magic) {
            case OOXML -> "an Office Open XML document such as a .xlsx or .docx";
            case OLE2 -> "an Office 97-2003 document";
            case PDF -> "a PDF";
            case BIFF2, BIFF3, BIFF4 -> "a workbook in an old Excel format (Excel 4.0 or earlier)";
            case XML -> "an XML file, such as an Excel 2003 XML spreadsheet";
            case HTML -> "a web page (HTML), as some systems export under a spreadsheet's name";
            default -> "text or a format that is not a spreadsheet";
        };
    }

    private static boolean isEncrypted(Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            return fs.getRoot().hasEntry("EncryptedPackage");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** NUL bytes outside the pattern of UTF-16 text mean binary data. */
    private static boolean isBinary(InputStream in) throws IOException {
        byte[] sample = in.readNBytes(SAMPLE);
        int nulEven = 0;
        int nulOdd = 0;
        for (int i = 0; i < sample.length; i++) {
            if (sample[i] == 0) {
                if (i % 2 == 0) {
                    nulEven++;
                } else {
                    nulOdd++;
                }
            }
        }
        int pairs = Math.max(1, sample.length / 2);
        boolean utf16 = (nulOdd * 10 >= pairs * 4 && nulEven * 10 < pairs) || (nulEven * 10 >= pairs * 4 && nulOdd * 10 < pairs);
        return nulEven + nulOdd > 0 && !utf16;
    }
}
