package eu.koopera.platform.tabular;

import java.util.List;
import java.util.Map;

/**
 * A file read as rows of text cells under lower-cased column names.
 *
 * @param columns the header, lower-cased and trimmed, in file order
 * @param rows    the non-empty data rows
 */
public record Table(List<String> columns, List<Row> rows) {

    /**
     * One data row.
     *
     * @param number the row's number as a spreadsheet shows it (the header is row 1)
     * @param cells  trimmed cell text by column; empty cells are absent
     */
    public record Row(int number, Map<String, String> cells) {

        public String get(String column) {
            return cells.get(column);
        }
    }
}
