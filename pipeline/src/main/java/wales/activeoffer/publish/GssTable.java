package wales.activeoffer.publish;

import java.util.List;

/**
 * One table of a statistics workbook as a value, as gptables has it: {@link GssWorkbook} writes it on a sheet of its
 * own and lists it in the table of contents.
 *
 * @param sheet           the sheet's name, which the contents links to
 * @param titleEn         its title in English, in A1 and in the contents
 * @param titleCy         its title in Welsh, below the English and beside it in the contents
 * @param holds           what the sheet holds (and where its units and notes are): the English, " / ", the Welsh
 * @param name            the Excel table's name
 * @param rows            the headings, then the rows: text, numbers, published figures ({@code PublishedAggregate}),
 *                        {@link GssWorkbook.Percentage} and {@link GssWorkbook.WholePercentage}
 * @param repeatedColumns how many of the first columns a printed page that runs on across repeats
 */
record GssTable(String sheet, String titleEn, String titleCy, String holds, String name, List<List<Object>> rows,
        int repeatedColumns) {
}
