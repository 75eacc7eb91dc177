package wales.activeoffer.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The encoding and delimiter of a delimited text file.
 *
 * <p>Encoding: a byte-order mark decides; otherwise a sample where about every other byte is zero is UTF-16 (little or
 * big endian by where the zeros are); otherwise the whole file is checked, streaming, as strict UTF-8, and anything
 * that is not valid UTF-8 is read as Windows-1252. The candidates are exactly those the sources use, so the decision
 * is exact rather than a statistical guess.
 *
 * <p>Delimiter: of {@code , ; tab |}, the one that splits the first lines (outside quotes) into the same number of
 * fields, more than one, most often.
 */
public record TextDialect(Charset charset, int bomLength, char delimiter, boolean detectedEncoding,
        boolean detectedDelimiter) {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int SAMPLE_BYTES = 64 * 1024;
    private static final int SAMPLE_LINES = 20;
    private static final List<Character> DELIMITERS = List.of(',', ';', '\t', '|');

    public static TextDialect detect(Path file, String encodingSetting, String delimiterSetting) {
        try {
            byte[] sample = readSample(file);
            int bom = bomLength(sample);
            Charset charset;
            boolean encodingDetected = "auto".equalsIgnoreCase(encodingSetting);
            if (bom > 0) {
                charset = bomCharset(sample);
            } else if (!encodingDetected) {
                charset = Charset.forName(encodingSetting);
            } else {
                charset = utf16WithoutBom(sample);
                if (charset == null) {
                    charset = isValidUtf8(file) ? StandardCharsets.UTF_8 : WINDOWS_1252;
                }
            }
            boolean delimiterDetected = "auto".equalsIgnoreCase(delimiterSetting);
            char delimiter = delimiterDetected ? sniffDelimiter(new String(sample, bom, sample.length - bom, charset))
                    : unescape(delimiterSetting);
            return new TextDialect(charset, bom, delimiter, encodingDetected && bom == 0, delimiterDetected);
        } catch (IOException e) {
            throw UnreadableFileException.cannotOpen(e);
        }
    }

    private static char unescape(String delimiter) {
        return "\\t".equals(delimiter) || "tab".equalsIgnoreCase(delimiter) ? '\t' : delimiter.charAt(0);
    }

    public String describe() {
        String delimiterName = switch (delimiter) {
            case '\t' -> "tab";
            case ',' -> "comma";
            case ';' -> "semicolon";
            case '|' -> "pipe";
            default -> "'" + delimiter + "'";
        };
        return "encoding " + charset.name() + (bomLength > 0 ? " (byte-order mark)" : detectedEncoding ? " (detected)" : "")
                + "; delimiter " + delimiterName + (detectedDelimiter ? " (detected)" : "");
    }

    public Reader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        in.skipNBytes(bomLength);
        return new RowLengthGuard(new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), delimiter);
    }

    private static byte[] readSample(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SAMPLE_BYTES);
        }
    }

    private static int bomLength(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return 3;
        }
        if (b.length >= 2 && ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE || (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF)) {
            return 2;
        }
        return 0;
    }

    private static Charset bomCharset(byte[] b) {
        if ((b[0] & 0xFF) == 0xEF) {
            return StandardCharsets.UTF_8;
        }
        return (b[0] & 0xFF) == 0xFF ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE;
    }

    private static Charset utf16WithoutBom(byte[] sample) {
        int pairs = sample.length / 2;
        if (pairs < 2) {
            return null;
        }
        int zerosEven = 0;
        int zerosOdd = 0;
        for (int i = 0; i + 1 < sample.length; i += 2) {
            zerosEven += sample[i] == 0 ? 1 : 0;
            zerosOdd += sample[i + 1] == 0 ? 1 : 0;
        }
        if (zerosOdd * 10 >= pairs * 4 && zerosEven * 10 < pairs) {
            return StandardCharsets.UTF_16LE;
        }
        if (zerosEven * 10 >= pairs * 4 && zerosOdd * 10 < pairs) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    private static boolean isValidUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(8192);
        CharBuffer chars = CharBuffer.allocate(8192);
        try (InputStream in = Files.newInputStream(file)) {
            boolean end = false;
            while (!end) {
                int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
                end = read < 0;
                if (!end) {
                    bytes.position(bytes.position() + read);
                }
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, end);
                if (result.isError()) {
                    return false;
                }
                chars.clear();
                bytes.compact();
            }
            return !decoder.flush(chars).isError();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    static char sniffDelimiter(String sample) {
        String[] lines = sample.split("\r?\n", SAMPLE_LINES + 1);
        int usable = Math.min(lines.length - (lines.length > SAMPLE_LINES ? 1 : 0), SAMPLE_LINES);
        char best = ',';
        int bestScore = 0;
        for (char candidate : DELIMITERS) {
            Map<Integer, Integer> linesByFieldCount = new HashMap<>();
            for (int i = 0; i < usable; i++) {
                if (!lines[i].isBlank()) {
                    linesByFieldCount.merge(fieldsOutsideQuotes(lines[i], candidate), 1, Integer::sum);
                }
            }
            for (var entry : linesByFieldCount.entrySet()) {
                int score = entry.getKey() > 1 ? entry.getValue() * 1000 + entry.getKey() : 0;
                if (score > bestScore) {
                    bestScore = score;
                    best = candidate;
                }
            }
        }
        return best;
    }

    private static int fieldsOutsideQuotes(String line, char delimiter) {
        int fields = 1;
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                fields++;
            }
        }
        return fields;
    }

    static boolean isDecodingFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return true;
            }
        }
        return false;
    }
}
