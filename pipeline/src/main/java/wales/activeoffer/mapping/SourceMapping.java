package wales.activeoffer.mapping;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * How one source layout maps onto the template: read from one YAML file in {@code mappings/layouts/}.
 * See {@code mappings/README.md} for the format.
 *
 * @param format          {@code csv} or {@code xlsx}
 * @param delimiter       CSV only: the field separator (default {@code ,})
 * @param encoding        CSV only: the character set (default UTF-8; a byte-order mark is always honoured)
 * @param headerSearchRows how many rows from the top to search for the heading row (default 20)
 * @param columns         template field to the headings this layout uses for it
 * @param dateFormats     {@code java.time} patterns tried in order after ISO dates
 * @param excelSerialDates whether a bare number in a date column is an Excel date serial
 * @param values          template field to code to extra spellings this layout uses
 */
public record SourceMapping(
        String id,
        String description,
        String format,
        String delimiter,
        String encoding,
        @JsonProperty("headerSearchRows") Integer headerSearchRows,
        Map<String, List<String>> columns,
        @JsonProperty("dateFormats") List<String> dateFormats,
        @JsonProperty("excelSerialDates") Boolean excelSerialDates,
        Map<String, Map<String, List<String>>> values) {

    public SourceMapping {
        delimiter = delimiter == null ? "," : delimiter;
        encoding = encoding == null ? "UTF-8" : encoding;
        headerSearchRows = headerSearchRows == null ? 20 : headerSearchRows;
        columns = columns == null ? Map.of() : Map.copyOf(columns);
        dateFormats = dateFormats == null ? List.of() : List.copyOf(dateFormats);
        values = values == null ? Map.of() : Map.copyOf(values);
        excelSerialDates = Boolean.TRUE.equals(excelSerialDates);
    }

    public Map<String, List<String>> valueSynonyms(String field) {
        return values.getOrDefault(field, Map.of());
    }
}
