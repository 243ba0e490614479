package eu.koopera.platform.tabular;

import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import eu.koopera.platform.web.TextRules;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads CSV (UTF-8, separated by {@code ;} or {@code ,}, with a header) and XLSX (first sheet, header in the
 * first row) into a {@link Table}. Anything it cannot read becomes a 422 problem that says why; a file over a
 * limit — rows ({@code import.tooManyRows}), cells ({@code import.tooManyCells}), distinct texts
 * ({@code import.tooManyStrings}) or expansion ({@code import.expansion}, a zip bomb) — a 413 problem with that
 * code, raised while the file streams by, so that no limit is checked after the memory was already spent.
 */
@Singleton
public class TableReader {

    private final int maxRows;
    private final long maxCells;
    private final int maxSharedStrings;

    /**
     * @param maxRows          data rows a file may have
     * @param maxCells         cells (empty ones between filled ones included) an XLSX sheet may have
     * @param maxSharedStrings distinct texts an XLSX workbook may have
     * @param minInflateRatio  the smallest compressed-to-expanded ratio of an XLSX part (zip-bomb guard)
     * @param maxExpandedSize  the largest size, in bytes, one XLSX part may expand to
     */
    public TableReader(@Value("${koopera.import.max-rows:20000}") int maxRows,
                       @Value("${koopera.import.max-cells:1000000}") long maxCells,
                       @Value("${koopera.import.max-shared-strings:200000}") int maxSharedStrings,
                       @Value("${koopera.import.min-inflate-ratio:0.01}") double minInflateRatio,
                       @Value("${koopera.import.max-expanded-size:104857600}") long maxExpandedSize) {
        this.maxRows = maxRows;
        this.maxCells = maxCells;
        this.maxSharedStrings = maxSharedStrings;
        // POI keeps these limits process-wide; this is the only place Koopera opens workbooks it did not write
        ZipSecureFile.setMinInflateRatio(minInflateRatio);
        ZipSecureFile.setMaxEntrySize(maxExpandedSize);
    }

    public int maxRows() {
        return maxRows;
    }

    public Table read(byte[] content, TableFormat format) {
        if (content.length == 0) {
            throw unreadable("The file is empty.");
        }
        return format == TableFormat.CSV ? readCsv(content) : readXlsx(content);
    }

    private Table readCsv(byte[] content) {
        String text = decodeUtf8(content);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String header = text.lines().findFirst().orElse("");
        char delimiter = count(header, ';') > count(header, ',') ? ';' : ',';
        // cells are trimmed in addRow: the parser's own trim would also drop a NUL at the edge unseen
        CSVFormat csv = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), csv)) {
            List<String> columns = null;
            List<Table.Row> rows = new ArrayList<>();
            List<Problem.FieldError> errors = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (columns == null) {
                    columns = columns(record.toList());
                    continue;
                }
                addRow(rows, columns, record.toList(), (int) record.getRecordNumber(), errors);
            }
            if (columns == null) {
                throw unreadable("The file has no header row.");
            }
            return table(columns, rows, errors);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw unreadable("The CSV is malformed (check the quotes): " + firstLine(e.getMessage()));
        }
    }

    /**
     * Reads the first sheet with POI's event model: rows stream through a SAX handler, so memory grows with the
     * rows kept, not with the workbook, and every limit is checked while the file is read. The package is opened
     * from a temporary file so that parts are inflated one at a time, under {@link ZipSecureFile}'s limits.
     */
    private Table readXlsx(byte[] content) {
        Path file = null;
        try {
            file = Files.createTempFile("koopera-import-", ".xlsx");
            Files.write(file, content);
            try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                return readSheet(new XSSFReader(workbook));
            }
        } catch (ApiException e) {
            throw e;
        } catch (Exception e) {
            if (zipBomb(e)) {
                throw new ApiException.TooLarge("The workbook expands to far more than its size; it looks like a "
                        + "zip bomb and was not read.").withCode("import.expansion");
            }
            throw unreadable("The file is not a readable XLSX workbook.");
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // the temporary directory is cleaned by the operating system
                }
            }
        }
    }

    private Table readSheet(XSSFReader workbook) throws Exception {
        LimitedSharedStrings strings = new LimitedSharedStrings(maxSharedStrings);
        try (InputStream data = workbook.getSharedStringsData()) {
            strings.readFrom(data);
        } catch (InvalidFormatException | IllegalArgumentException noSharedStrings) {
            // a workbook of numbers and inline strings only has no shared strings part
        }
        StylesTable styles = workbook.getStylesTable();
        var sheets = workbook.getSheetsData();
        if (!sheets.hasNext()) {
            throw unreadable("The workbook has no sheet.");
        }
        SheetRows rows = new SheetRows();
        try (InputStream sheet = sheets.next()) {
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new XSSFSheetXMLHandler(styles, strings, rows,
                    new DataFormatter(Locale.ROOT), false));
            parser.parse(new InputSource(sheet));
        }
        if (rows.columns == null) {
            throw unreadable("The sheet has no header row.");
        }
        return table(rows.columns, rows.rows, rows.errors);
    }

    /** Collects the rows of a sheet as the SAX parser meets them, refusing a sheet over the limits at once. */
    private final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private List<String> columns;
        private final List<Table.Row> rows = new ArrayList<>();
        private final List<Problem.FieldError> errors = new ArrayList<>();
        private final List<String> cells = new ArrayList<>();
        private int rowsSeen;
        private long cellsSeen;

        @Override
        public void startRow(int rowNum) {
            if (++rowsSeen > maxRows + 1) {
                throw tooManyRows();
            }
            cells.clear();
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            if (columns != null && column >= columns.size()) {
                return; // a cell beyond the header has no column to go to
            }
            while (cells.size() < column) {
                cells.add("");
                countCell();
            }
            cells.add(value);
            countCell();
        }

        @Override
        public void endRow(int rowNum) {
            if (columns == null) {
                columns = columns(cells);
            } else {
                addRow(rows, columns, cells, rowNum + 1, errors);
            }
        }

        private void countCell() {
            if (++cellsSeen > maxCells) {
                throw new ApiException.TooLarge("The file has more than " + maxCells + " cells; split it into "
                        + "smaller files.").withCode("import.tooManyCells");
            }
        }
    }

    /** Shared strings read as they stream by, refused beyond {@code koopera.import.max-shared-strings}. */
    private static final class LimitedSharedStrings extends ReadOnlySharedStringsTable {
        private final int limit;
        private int seen;

        LimitedSharedStrings(int limit) throws IOException, SAXException {
            super(InputStream.nullInputStream(), false);
            this.limit = limit;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            if ("si".equals(localName) && ++seen > limit) {
                throw new ApiException.TooLarge("The workbook has more than " + limit + " distinct texts; split "
                        + "it into smaller files.").withCode("import.tooManyStrings");
            }
            super.startElement(uri, localName, qName, attributes);
        }
    }

    private static boolean zipBomb(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("Zip bomb detected")) {
                return true;
            }
        }
        return false;
    }

    /** A cell as it was before {@link TableWriter#defuse} put an apostrophe in front of it. */
    private static String undefused(String value) {
        return value.startsWith("'") && TableWriter.startsLikeAFormula(value.substring(1)) ? value.substring(1) : value;
    }

    /**
     * Adds a row of trimmed cells; a cell of text PostgreSQL cannot store (a NUL character, a lone surrogate)
     * becomes an error of that cell instead, so that the whole file is refused with every such cell named.
     */
    private void addRow(List<Table.Row> rows, List<String> columns, List<String> cells, int number,
                        List<Problem.FieldError> errors) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(columns.size(), cells.size()); i++) {
            String raw = cells.get(i) == null ? "" : cells.get(i);
            String problem = TextRules.problem(raw);
            String value = undefused(TextRules.trim(raw));
            if (problem != null) {
                errors.add(Problem.FieldError.cell(number, columns.get(i), problem));
            } else if (!value.isEmpty()) {
                values.put(columns.get(i), value);
            }
        }
        if (values.isEmpty()) {
            return;
        }
        if (rows.size() >= maxRows) {
            throw tooManyRows();
        }
        rows.add(new Table.Row(number, values));
    }

    private static Table table(List<String> columns, List<Table.Row> rows, List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ApiException.Unprocessable(errors.size() + " problem(s) in the file; nothing was imported.",
                    errors);
        }
        return new Table(columns, rows);
    }

    private static List<String> columns(List<String> header) {
        List<String> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : header) {
            String column = name == null ? "" : TextRules.trim(name).toLowerCase(Locale.ROOT);
            if (TextRules.problem(column) != null) {
                throw new ApiException.Unprocessable("The header has a column name that is not valid text.",
                        List.of(Problem.FieldError.cell(1, "", TextRules.problem(column))));
            }
            if (!column.isEmpty() && !seen.add(column)) {
                throw new ApiException.Unprocessable("The header names a column twice.",
                        List.of(Problem.FieldError.cell(1, column, "appears more than once in the header")));
            }
            columns.add(column);
        }
        return columns;
    }

    private static String decodeUtf8(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw unreadable("The file is not UTF-8 text; save it as \"CSV UTF-8\" and try again.");
        }
    }

    private ApiException tooManyRows() {
        return new ApiException.TooLarge("The file has more than " + maxRows + " rows; split it into smaller files.")
                .withCode("import.tooManyRows");
    }

    private static ApiException unreadable(String detail) {
        return new ApiException.Unprocessable(detail, List.of());
    }

    private static int count(String text, char character) {
        return (int) text.chars().filter(c -> c == character).count();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
