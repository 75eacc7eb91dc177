package wales.activeoffer.read;

/** A sheet of a workbook (a CSV file has one, named ""). */
public record SheetInfo(int index, String name, boolean hidden) {
}
