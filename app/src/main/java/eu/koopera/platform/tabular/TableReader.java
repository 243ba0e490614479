package eu.koopera.platform.tabular;

import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import eu.koopera.platform.web.TextRules;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads CSV (UTF-8, separated by {@code ;} or {@code ,}, with a header) and XLSX (first sheet, header in the
 * first row) into a {@link Table}. Anything it cannot read becomes a 422 problem that says why; more rows than
 * {@code koopera.import.max-rows} is refused before any row is looked at.
 */
@Singleton
public class TableReader {

    private final int maxRows;

    public TableReader(@Value("${koopera.import.max-rows:20000}") int maxRows) {
        this.maxRows = maxRows;
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

    private Table readXlsx(byte[] content) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            if (sheet.getLastRowNum() > maxRows + 1) {
                throw tooManyRows();
            }
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            List<String> columns = null;
            List<Table.Row> rows = new ArrayList<>();
            List<Problem.FieldError> errors = new ArrayList<>();
            for (org.apache.poi.ss.usermodel.Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < Math.max(0, row.getLastCellNum()); i++) {
                    Cell cell = row.getCell(i);
                    cells.add(cell == null ? "" : formatter.formatCellValue(cell));
                }
                if (columns == null) {
                    columns = columns(cells);
                    continue;
                }
                addRow(rows, columns, cells, row.getRowNum() + 1, errors);
            }
            if (columns == null) {
                throw unreadable("The sheet has no header row.");
            }
            return table(columns, rows, errors);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw unreadable("The file is not a readable XLSX workbook.");
        }
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
        return new ApiException.TooLarge("The file has more than " + maxRows + " rows; split it into smaller files.");
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
