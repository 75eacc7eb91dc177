package wales.activeoffer.benchmarks;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.SAXParserFactory;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import wales.activeoffer.mapping.MappingCatalogue;
import wales.activeoffer.mapping.SourceMapping;
import wales.activeoffer.read.RawRow;
import wales.activeoffer.read.TabularSource;
import wales.activeoffer.read.TabularSources;
import wales.activeoffer.template.RecordingTemplate;

/**
 * P2: the pipeline's readers against fastexcel-reader, POI's event API and FastCSV, reading every cell of the same
 * files. Each returns the number of non-blank cells plus their total length, so that the readers can be seen to read
 * the same thing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReaderBenchmarks {
    @Param("200000")
    public int rows;

    @Param(".")
    public String repository;

    private Path xlsx;
    private Path csv;
    private SourceMapping xlsxMapping;
    private SourceMapping csvMapping;

    @Setup(Level.Trial)
    public void files() throws Exception {
        Path root = Path.of(repository).toAbsolutePath();
        Path dir = Files.createDirectories(root.resolve("benchmarks/target/files"));
        xlsx = dir.resolve("readers-" + rows + ".xlsx");
        csv = dir.resolve("readers-" + rows + ".csv");
        if (!Files.exists(xlsx)) {
            BigFiles.xlsx(root, xlsx, rows);
        }
        if (!Files.exists(csv)) {
            BigFiles.csv(root, csv, rows);
        }
        MappingCatalogue catalogue = MappingCatalogue.load(root.resolve("mappings/layouts"),
                RecordingTemplate.load(root.resolve("mappings/template").resolve(RecordingTemplate.FILE_NAME)));
        xlsxMapping = catalogue.byId("la-performance-return-xlsx").orElseThrow();
        csvMapping = catalogue.byId("wccis-active-offer-csv").orElseThrow();
    }

    private static long count(String value) {
        return value == null || value.isBlank() ? 0 : 1_000_000_000L + value.length();
    }

    private static long pipeline(Path file, SourceMapping mapping) throws Exception {
        long sum = 0;
        try (TabularSource source = TabularSources.open(file, mapping)) {
            for (RawRow row = source.next(); row != null; row = source.next()) {
                for (String cell : row.cells()) {
                    sum += count(cell);
                }
            }
        }
        return sum;
    }

    @Benchmark
    public long xlsxPipeline() throws Exception {
        return pipeline(xlsx, xlsxMapping);
    }

    @Benchmark
    public long xlsxFastexcel() throws Exception {
        long sum = 0;
        try (InputStream in = Files.newInputStream(xlsx); ReadableWorkbook workbook = new ReadableWorkbook(in)) {
            for (var sheet : workbook.getSheets().toList()) {
                try (var rows = sheet.openStream()) {
                    for (var row : (Iterable<org.dhatim.fastexcel.reader.Row>) rows::iterator) {
                        for (int c = 0; c < row.getCellCount(); c++) {
                            sum += count(row.getCellText(c));
                        }
                    }
                }
            }
        }
        return sum;
    }

    @Benchmark
    public long xlsxPoiEvents() throws Exception {
        long[] sum = {0};
        try (OPCPackage pkg = OPCPackage.open(xlsx.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XSSFSheetXMLHandler.SheetContentsHandler cells = new XSSFSheetXMLHandler.SheetContentsHandler() {
                @Override
                public void startRow(int rowNum) {
                }

                @Override
                public void endRow(int rowNum) {
                }

                @Override
                public void cell(String reference, String formattedValue, XSSFComment comment) {
                    sum[0] += count(formattedValue);
                }
            };
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    XMLReader xml = factory.newSAXParser().getXMLReader();
                    xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), strings, cells, false));
                    xml.parse(new InputSource(sheet));
                }
            }
        }
        return sum[0];
    }

    @Benchmark
    public long csvPipeline() throws Exception {
        return pipeline(csv, csvMapping);
    }

    @Benchmark
    public long csvFastCsv() throws Exception {
        long sum = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(csv)) {
            for (CsvRecord record : reader) {
                for (String field : record.getFields()) {
                    sum += count(field);
                }
            }
        }
        return sum;
    }
}
