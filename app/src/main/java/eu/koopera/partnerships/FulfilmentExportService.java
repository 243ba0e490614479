package eu.koopera.partnerships;

import eu.koopera.platform.security.Caller;
import eu.koopera.platform.security.CallerContext;
import eu.koopera.platform.tabular.TableFileTurns;
import eu.koopera.platform.tabular.TableFormat;
import eu.koopera.platform.tabular.TableWriter;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The fulfilment of an agreement as a CSV or XLSX file: its lines, then the totals of each year, then those of each
 * currency. Amounts are written as plain decimals with a point, so that spreadsheets of any language read them
 * exactly.
 */
@Singleton
public class FulfilmentExportService {

    static final List<String> COLUMNS = List.of("level", "party", "year", "currency", "committed", "spent",
            "remaining", "percent");

    private final CallerContext callers;
    private final BudgetService budget;
    private final TableWriter writer;
    private final TableFileTurns turns;

    public FulfilmentExportService(CallerContext callers, BudgetService budget, TableWriter writer,
                                   TableFileTurns turns) {
        this.callers = callers;
        this.budget = budget;
        this.writer = writer;
        this.turns = turns;
    }

    /**
     * The file, for anyone who reads the agreement; read in a short transaction of its own and written after its
     * connection went back to the pool, in one of the caller's association's turns for files.
     */
    public byte[] fulfilment(UUID agreementId, TableFormat format) {
        Caller caller = callers.requireTenantUser();
        return turns.inTurn(caller.tenantCode(), () -> {
            Fulfilment fulfilment = budget.fulfilment(agreementId);
            return turns.compute(() -> writer.write(format, COLUMNS, cells(fulfilment)));
        });
    }

    private static List<List<String>> cells(Fulfilment fulfilment) {
        List<List<String>> rows = new ArrayList<>();
        fulfilment.lines().forEach(line -> rows.add(cells("party", line)));
        fulfilment.yearTotals().forEach(line -> rows.add(cells("year", line)));
        fulfilment.totals().forEach(line -> rows.add(cells("total", line)));
        return rows;
    }

    private static List<String> cells(String level, Fulfilment.Line line) {
        return List.of(level, line.partyName() == null ? "" : line.partyName(),
                line.year() == null ? "" : line.year().toString(), line.currency(), plain(line.committed()),
                plain(line.spent()), plain(line.remaining()), line.percent() == null ? "" : plain(line.percent()));
    }

    private static String plain(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
