package eu.koopera.platform.tabular;

import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes rows of text as CSV (UTF-8 with a byte order mark so that spreadsheet programs detect the encoding,
 * {@code ;}-separated) or XLSX. Cells that a spreadsheet would run as a formula are defused — in CSV by a leading
 * apostrophe, in XLSX by Excel's own "quote prefix" text style — so an exported register can never carry
 * {@code =cmd|...} into someone's Excel. {@link TableReader} drops such an apostrophe again, so an export
 * imports back unchanged.
 */
@Singleton
public class TableWriter {

    public byte[] write(TableFormat format, List<String> columns, List<List<String>> rows) {
        return format == TableFormat.CSV ? csv(columns, rows) : xlsx(columns, rows);
    }

    /** The cell as it is safe to hand to a spreadsheet program. */
    public static String defuse(String value) {
        return startsLikeAFormula(value) ? "'" + value : value;
    }

    /** Whether a spreadsheet program would take {@code value} for a formula. */
    static boolean startsLikeAFormula(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    private static byte[] csv(List<String> columns, List<List<String>> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setDelimiter(';').get())) {
            writer.write('\uFEFF');
            printer.printRecord(columns);
            for (List<String> row : rows) {
                printer.printRecord(row.stream().map(TableWriter::defuse).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] xlsx(List<String> columns, List<List<String>> rows) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet("export");
            CellStyle text = workbook.createCellStyle();
            text.setQuotePrefixed(true);
            writeRow(sheet.createRow(0), columns, text);
            for (int i = 0; i < rows.size(); i++) {
                writeRow(sheet.createRow(i + 1), rows.get(i), text);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeRow(Row row, List<String> values, CellStyle text) {
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value != null) {
                Cell cell = row.createCell(i);
                cell.setCellValue(value);
                if (startsLikeAFormula(value)) {
                    cell.setCellStyle(text);
                }
            }
        }
    }
}
