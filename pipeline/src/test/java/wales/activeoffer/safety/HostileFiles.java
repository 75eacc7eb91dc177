package wales.activeoffer.safety;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Makes the hostile and broken files the pipeline must refuse, in the test, so no such file sits in the repository. */
final class HostileFiles {
    static final String WCCIS_HEADER = "Local Authority,Person ID,Category,Offer Date,Offer Response";
    /** The required headings of the authority return layout, an XLSX layout. */
    static final String RETURN_HEADER = "Authority,Child Reference,Route,Date offer made,Response";

    private HostileFiles() {
    }

    static Path empty(Path dir) throws IOException {
        return Files.write(dir.resolve("empty return.csv"), new byte[0]);
    }

    static Path wrongExtension(Path dir) throws IOException {
        return Files.writeString(dir.resolve("scan of the return.pdf"), "%PDF-1.4 not really");
    }

    static Path csvNamedXlsx(Path dir) throws IOException {
        return Files.writeString(dir.resolve("really a csv.xlsx"), WCCIS_HEADER + "\nW06000022,P1,LAC,2024-04-03,Accepted\n");
    }

    static Path xlsxNamedXls(Path dir) throws IOException {
        Path file = dir.resolve("really an xlsx.xls");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            workbook.createSheet("Data").createRow(0).createCell(0).setCellValue("x");
            workbook.write(out);
        }
        return file;
    }

    static Path passwordProtected(Path dir) throws Exception {
        Path file = dir.resolve("protected.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("secret");
            try (OutputStream encrypted = encryptor.getDataStream(fs); XSSFWorkbook workbook = new XSSFWorkbook()) {
                workbook.createSheet("Data").createRow(0).createCell(0).setCellValue("Local Authority");
                workbook.write(encrypted);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }
        return file;
    }

    static Path truncatedZip(Path dir) throws IOException {
        Path whole = dir.resolve("whole.tmp");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(whole)) {
            Sheet sheet = workbook.createSheet("Data");
            for (int i = 0; i < 200; i++) {
                sheet.createRow(i).createCell(0).setCellValue("row " + i);
            }
            workbook.write(out);
        }
        byte[] bytes = Files.readAllBytes(whole);
        Files.delete(whole);
        byte[] half = Arrays.copyOf(bytes, bytes.length / 2);
        return Files.write(dir.resolve("half copied.xlsx"), half);
    }

    /** A workbook whose one sheet inflates from a few kilobytes to about 100 MB. */
    static Path zipBomb(Path dir) throws IOException {
        Path file = dir.resolve("bomb.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            entry(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Default Extension="xml" ContentType="application/xml"/>\
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                    </Types>""");
            entry(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                    </Relationships>""");
            entry(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\
                    <sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            entry(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
                    </Relationships>""");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData/>"
                    .getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 100; i++) {
                zip.write(spaces);
            }
            zip.write("</worksheet>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return file;
    }

    /** A workbook whose sheet declares an entity that expands a billion times (the "billion laughs"). */
    static Path entityExpansion(Path dir) throws IOException {
        Path file = dir.resolve("laughs.xlsx");
        Path good = dir.resolve("good.tmp");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(good)) {
            workbook.createSheet("Data").createRow(0).createCell(0).setCellValue("Local Authority");
            workbook.write(out);
        }
        try (var in = new ZipInputStream(Files.newInputStream(good));
                ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    String doctype = "<!DOCTYPE worksheet [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                            + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>";
                    xml = xml.replaceFirst("\\?>", "?>" + doctype).replace("Local Authority", "&lol3;");
                    content = xml.getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        Files.delete(good);
        return file;
    }

    static Path megabyteCell(Path dir) throws IOException {
        return Files.writeString(dir.resolve("huge cell.csv"), WCCIS_HEADER + "\nW06000022,P1,LAC,2024-04-03,"
                + "A".repeat(3_000_000) + "\n");
    }

    static Path binaryGarbage(Path dir) throws IOException {
        byte[] bytes = new byte[4096];
        new Random(7).nextBytes(bytes);
        return Files.write(dir.resolve("export.csv"), bytes);
    }

    static Path externalFormula(Path dir) throws IOException {
        Path file = dir.resolve("linked.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("Data");
            String[] header = RETURN_HEADER.split(",");
            Row head = sheet.createRow(0);
            for (int c = 0; c < header.length; c++) {
                head.createCell(c).setCellValue(header[c]);
            }
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("Newport");
            row.createCell(1).setCellFormula("[1]Sheet1!A1");
            row.createCell(2).setCellValue("LAC");
            row.createCell(3).setCellValue("2024-04-03");
            row.createCell(4).setCellValue("Accepted");
            workbook.write(out);
        } catch (RuntimeException e) {
            Files.writeString(file, "");
            throw e;
        }
        return file;
    }

    /** A well-formed sheet with more data rows than one file may have, written with inline strings. */
    static Path millionRows(Path dir, int dataRows) throws IOException {
        Path file = dir.resolve("everything since 2016.xlsx");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, 100, true, false); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("Data");
            String[] header = RETURN_HEADER.split(",");
            Row head = sheet.createRow(0);
            for (int c = 0; c < header.length; c++) {
                head.createCell(c).setCellValue(header[c]);
            }
            for (int r = 1; r <= dataRows; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("Newport");
                row.createCell(1).setCellValue("P" + r);
                row.createCell(2).setCellValue("LAC");
                row.createCell(3).setCellValue("2024-04-03");
                row.createCell(4).setCellValue("Accepted");
            }
            workbook.write(out);
        }
        return file;
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
