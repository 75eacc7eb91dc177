package wales.activeoffer.handout;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import wales.activeoffer.reference.ReferenceData;
import wales.activeoffer.template.CodeList;
import wales.activeoffer.template.FieldDefinition;
import wales.activeoffer.template.RecordingTemplate;

/**
 * Writes {@value #FILE_NAME}: the national Active Offer Recording Template as a workbook a social worker or provider
 * can fill in. Everything in it comes from the template YAML and the reference data: one sheet to fill in, headed
 * by each field's English and Welsh heading; a drop-down list (data validation) on every coded column, holding its
 * code list's labels in both languages ("Accepted a meeting / Derbyn cyfarfod"), and on the authority column; date
 * columns formatted and checked as dates; an instructions sheet in both languages. The layout
 * {@code national-recording-template-xlsx} reads a filled-in copy back.
 */
public final class RecordingTemplateWorkbook {
    public static final String FILE_NAME = "active-offer-recording-template.xlsx";
    /** The sheet to fill in. */
    public static final String SHEET = "Offers - Cynigion";
    /** Rows of the sheet that carry the drop-down lists and date checks. */
    public static final int ROWS = 2_000;
    /**
     * Template fields the workbook asks for, in its column order. The date of birth and the source system's record
     * reference are left out: the age at the offer is asked instead, and a hand-filled sheet has no record reference.
     */
    public static final List<String> FIELDS = List.of("authority", "child_id", "eligibility_route", "trigger",
            "date_eligible", "date_offer", "date_referral", "date_first_contact", "date_meeting", "offer_response",
            "meeting_outcome", "refusal_reason", "referral_source", "non_instructed", "iro_confirmed", "age_at_offer",
            "gender", "language", "disability");
    private static final String LISTS = "Lists";
    private static final LocalDate EARLIEST = LocalDate.of(2016, 4, 6);

    private final RecordingTemplate template;
    private final ReferenceData reference;

    public RecordingTemplateWorkbook(RecordingTemplate template, ReferenceData reference) {
        this.template = template;
        this.reference = reference;
    }

    /** A column's heading: the field's English and Welsh headings, "Offer date / Dyddiad y cynnig". */
    public static String heading(FieldDefinition field) {
        return field.en() + " / " + field.cy();
    }

    /** The values a column's drop-down list offers, or an empty list for a column without one. */
    public List<String> choices(String fieldName) {
        FieldDefinition field = template.field(fieldName).orElseThrow();
        if ("authority".equals(field.type())) {
            return reference.authorities().stream().map(a -> a.nameEn() + " / " + a.nameCy()).toList();
        }
        if (field.codeList() != null) {
            return template.codeList(field.codeList()).bilingualLabels();
        }
        if ("yes_no".equals(field.type())) {
            return template.codeList("yes_no").bilingualLabels();
        }
        return List.of();
    }

    /**
     * Writes the workbook to {@code target}, which must not exist: an existing file is never overwritten. It is
     * written beside the target under a temporary name and moved into place whole.
     */
    public Path write(Path target) {
        if (Files.exists(target)) {
            throw new UncheckedIOException(new FileAlreadyExistsException(target.toString(), null,
                    "the recording template is already there; move it away or choose another name"));
        }
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            instructions(workbook);
            Sheet lists = workbook.createSheet(LISTS);
            Sheet offers = workbook.createSheet(SHEET);
            CellStyle bold = boldStyle(workbook);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            Row headings = offers.createRow(0);
            DataValidationHelper validations = offers.getDataValidationHelper();
            int listColumn = 0;
            for (int column = 0; column < FIELDS.size(); column++) {
                FieldDefinition field = template.field(FIELDS.get(column)).orElseThrow();
                var cell = headings.createCell(column);
                cell.setCellValue(heading(field));
                cell.setCellStyle(bold);
                offers.setColumnWidth(column, Math.min(60, Math.max(16, heading(field).length() + 2)) * 256);
                CellRangeAddressList body = new CellRangeAddressList(1, ROWS, column, column);
                List<String> choices = choices(field.name());
                DataValidationConstraint constraint = null;
                if (!choices.isEmpty()) {
                    constraint = validations.createFormulaListConstraint(listRange(workbook, lists, listColumn++,
                            field.name(), choices));
                } else if ("date".equals(field.type())) {
                    offers.setDefaultColumnStyle(column, date);
                    constraint = validations.createDateConstraint(OperatorType.BETWEEN,
                            "DATE(" + EARLIEST.getYear() + "," + EARLIEST.getMonthValue() + "," + EARLIEST.getDayOfMonth()
                                    + ")", "DATE(2099,12,31)", "dd/mm/yyyy");
                } else if ("age".equals(field.type())) {
                    constraint = validations.createIntegerConstraint(OperatorType.BETWEEN, "0", "25");
                }
                if (constraint != null) {
                    DataValidation validation = validations.createValidation(constraint, body);
                    validation.setShowErrorBox(true);
                    validation.createErrorBox("Active Offer / Cynnig Rhagweithiol", errorText(field));
                    offers.addValidationData(validation);
                }
            }
            offers.createFreezePane(0, 1);
            workbook.setSheetHidden(workbook.getSheetIndex(LISTS), true);
            workbook.setSheetOrder(SHEET, 1);
            workbook.setActiveSheet(1);
            workbook.setSelectedTab(1);
            Files.createDirectories(target.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(partial)) {
                workbook.write(out);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the recording template " + target, e);
        }
    }

    private static String errorText(FieldDefinition field) {
        return switch (field.type()) {
            case "date" -> "Enter a date, for example 03/04/2024. / Rhowch ddyddiad, er enghraifft 03/04/2024.";
            case "age" -> "Enter the age in whole years, 0 to 25. / Rhowch yr oed mewn blynyddoedd cyfan, 0 i 25.";
            default -> "Choose a value from the list. / Dewiswch werth o'r rhestr.";
        };
    }

    /** Writes a list into a column of the hidden list sheet and names its range, for a drop-down list. */
    private static String listRange(Workbook workbook, Sheet lists, int column, String field, List<String> choices) {
        for (int i = 0; i < choices.size(); i++) {
            Row row = lists.getRow(i) == null ? lists.createRow(i) : lists.getRow(i);
            row.createCell(column).setCellValue(choices.get(i));
        }
        String letter = CellReference.convertNumToColString(column);
        Name name = workbook.createName();
        name.setNameName("list_" + field);
        name.setRefersToFormula("'" + LISTS + "'!$" + letter + "$1:$" + letter + "$" + choices.size());
        return "list_" + field;
    }

    private void instructions(Workbook workbook) {
        Sheet sheet = workbook.createSheet("Instructions - Cyfarwyddiadau");
        sheet.setColumnWidth(0, 90 * 256);
        sheet.setColumnWidth(1, 90 * 256);
        sheet.setColumnWidth(2, 20 * 256);
        CellStyle bold = boldStyle(workbook);
        List<List<String>> lines = new ArrayList<>();
        lines.add(List.of("Active Offer Recording Template, version " + template.version(),
                "Templed Cofnodi'r Cynnig Rhagweithiol, fersiwn " + template.version()));
        lines.add(List.of());
        lines.add(List.of("Record one offer of an advocacy meeting per row on the sheet '" + SHEET + "'.",
                "Cofnodwch un cynnig o gyfarfod eiriolaeth ym mhob rhes ar y daflen '" + SHEET + "'."));
        lines.add(List.of("Choose coded answers from the drop-down lists; type dates as dd/mm/yyyy.",
                "Dewiswch atebion wedi'u codio o'r rhestrau; teipiwch ddyddiadau fel dd/mm/bbbb."));
        lines.add(List.of("Never enter a child's name or free-text notes. The child ID is pseudonymised on arrival.",
                "Peidiwch byth â rhoi enw plentyn na nodiadau testun rhydd. Caiff rhif adnabod y plentyn ei ffugenwi "
                        + "wrth gyrraedd."));
        lines.add(List.of("Save as .xlsx and drop it in your region's inbox folder. You get a receipt for every file.",
                "Cadwch fel .xlsx a'i roi yn ffolder mewnflwch eich rhanbarth. Cewch dderbynneb am bob ffeil."));
        lines.add(List.of());
        int index = 0;
        for (List<String> line : lines) {
            Row row = sheet.createRow(index++);
            for (int i = 0; i < line.size(); i++) {
                row.createCell(i).setCellValue(line.get(i));
            }
        }
        Row header = sheet.createRow(index++);
        List<String> columns = List.of("Column / Colofn", "What to enter", "Gofynnol?");
        for (int i = 0; i < columns.size(); i++) {
            header.createCell(i).setCellValue(columns.get(i));
            header.getCell(i).setCellStyle(bold);
        }
        Set<String> required = Set.copyOf(template.requiredFields().stream().map(FieldDefinition::name).toList());
        for (String name : FIELDS) {
            FieldDefinition field = template.field(name).orElseThrow();
            Row row = sheet.createRow(index++);
            row.createCell(0).setCellValue(heading(field));
            row.createCell(1).setCellValue((required.contains(name) ? "Required. " : "Optional. ")
                    + field.description() + ".");
            row.createCell(2).setCellValue(required.contains(name) ? "Gofynnol." : "Dewisol.");
        }
    }

    private static CellStyle boldStyle(Workbook workbook) {
        CellStyle style = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        style.setFont(font);
        return style;
    }
}
