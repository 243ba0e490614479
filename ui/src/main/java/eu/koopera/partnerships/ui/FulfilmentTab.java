package eu.koopera.partnerships.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import eu.koopera.partnerships.AgreementResponse;
import eu.koopera.partnerships.BudgetService;
import eu.koopera.partnerships.CommitmentCommand;
import eu.koopera.partnerships.Fulfilment;
import eu.koopera.partnerships.FulfilmentExportService;
import eu.koopera.partnerships.PartyResponse;
import eu.koopera.partnerships.SpendingCommand;
import eu.koopera.platform.tabular.TableFormat;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.CommandValidation;
import eu.koopera.ui.forms.Fields;
import eu.koopera.ui.i18n.ComponentTexts;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An agreement's budget: commitments and spending entered by its owner's staff, the fulfilment per party and year
 * (committed, spent, remaining and percentage, to the cent, with the totals of each year and of everything), the same
 * as bars whose share is also written out, and the table as a CSV or XLSX file.
 */
class FulfilmentTab extends VerticalLayout {

    private final AgreementResponse agreement;
    private final BudgetService budget;
    private final Grid<Fulfilment.Line> grid = new Grid<>();
    private final Div chart = new Div();

    FulfilmentTab(AgreementResponse agreement, BudgetService budget, FulfilmentExportService exports,
                  CommandValidation validation, boolean manages) {
        this.agreement = agreement;
        this.budget = budget;
        setPadding(false);
        if (manages) {
            add(new H2(getTranslation("partnerships.commitment.add")), commitmentForm(validation),
                    new H2(getTranslation("partnerships.spending.add")), spendingForm(validation));
        }
        configureGrid();
        chart.setId("fulfilment-chart");
        chart.addClassName("koopera-bars");
        HorizontalLayout downloads = new HorizontalLayout();
        for (TableFormat format : TableFormat.values()) {
            downloads.add(download(exports, format));
        }
        add(new H2(getTranslation("partnerships.fulfilment")), grid, downloads,
                new H2(getTranslation("partnerships.fulfilment.chart")), chart);
        refresh();
    }

    private void configureGrid() {
        Locale locale = getLocale();
        grid.setId("fulfilment");
        grid.addColumn(this::who).setHeader(getTranslation("partnerships.fulfilment.party")).setFlexGrow(3);
        grid.addColumn(line -> line.year() == null ? AgreementTexts.NONE : line.year().toString())
                .setHeader(getTranslation("partnerships.fulfilment.year")).setAutoWidth(true);
        grid.addColumn(line -> AgreementTexts.money(line.committed(), line.currency(), locale))
                .setHeader(getTranslation("partnerships.fulfilment.committed")).setAutoWidth(true)
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        grid.addColumn(line -> AgreementTexts.money(line.spent(), line.currency(), locale))
                .setHeader(getTranslation("partnerships.fulfilment.spent")).setAutoWidth(true)
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        grid.addColumn(line -> AgreementTexts.money(line.remaining(), line.currency(), locale))
                .setHeader(getTranslation("partnerships.fulfilment.remaining")).setAutoWidth(true)
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        grid.addColumn(line -> AgreementTexts.percent(line.percent(), locale))
                .setHeader(getTranslation("partnerships.fulfilment.percent")).setAutoWidth(true)
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("partnerships.fulfilment.empty"));
        grid.setPartNameGenerator(line -> line.party() == null ? "koopera-total-row" : null);
    }

    /** The party, or which total a line is. */
    private String who(Fulfilment.Line line) {
        if (line.party() != null) {
            return line.partyName();
        }
        return line.year() != null ? getTranslation("partnerships.fulfilment.yearTotal")
                : getTranslation("partnerships.fulfilment.total");
    }

    private void refresh() {
        Fulfilment fulfilment = budget.fulfilment(agreement.id());
        List<Fulfilment.Line> rows = new ArrayList<>(fulfilment.lines());
        rows.addAll(fulfilment.yearTotals());
        rows.addAll(fulfilment.totals());
        grid.setItems(rows);
        chart.removeAll();
        if (fulfilment.lines().isEmpty()) {
            chart.add(new Paragraph(getTranslation("partnerships.fulfilment.empty")));
        }
        Locale locale = getLocale();
        for (Fulfilment.Line line : fulfilment.lines()) {
            String label = line.partyName() + " " + line.year();
            String share = AgreementTexts.percent(line.percent(), locale);
            ProgressBar bar = new ProgressBar(0, 100, line.percent() == null ? 0
                    : Math.min(100, Math.max(0, line.percent().doubleValue())));
            bar.getElement().setAttribute("aria-label", getTranslation("partnerships.fulfilment.bar", label, share));
            Span caption = new Span(getTranslation("partnerships.fulfilment.barText", label, share,
                    AgreementTexts.money(line.spent(), line.currency(), locale),
                    AgreementTexts.money(line.committed(), line.currency(), locale)));
            Div item = new Div(caption, bar);
            item.addClassName("koopera-bar");
            chart.add(item);
        }
    }

    private FormLayout commitmentForm(CommandValidation validation) {
        Select<PartyResponse> party = partySelect("commitment-party");
        IntegerField year = new IntegerField(getTranslation("partnerships.fulfilment.year"));
        year.setId("commitment-year");
        if (agreement.startsOn() != null) {
            year.setValue(agreement.startsOn().getYear());
        }
        BigDecimalField amount = new BigDecimalField(getTranslation("partnerships.amount"));
        amount.setId("commitment-amount");
        TextField currency = Fields.text(this, "partnerships.currency", "commitment-currency");
        currency.setValue("EUR");
        Map<String, HasValidation> fields = Map.of("party", party, "year", year, "amount", amount,
                "currency", currency);
        Button add = new Button(getTranslation("partnerships.commitment.add"), click -> {
            CommitmentCommand command = new CommitmentCommand(party.getValue() == null ? null
                    : party.getValue().id(), year.getValue(), amount.getValue(), currency.getValue().strip());
            if (!validation.check(command, fields)) {
                return;
            }
            try {
                budget.commit(agreement.id(), command);
                Notification.show(getTranslation("partnerships.commitment.added"));
                amount.clear();
                refresh();
            } catch (ApiException e) {
                validation.show(e, fields, this);
            }
        });
        add.setId("add-commitment");
        FormLayout form = new FormLayout(party, year, amount, currency, add);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40rem", 5));
        return form;
    }

    private FormLayout spendingForm(CommandValidation validation) {
        Select<PartyResponse> party = partySelect("spending-party");
        DatePicker date = ComponentTexts.localize(new DatePicker(getTranslation("partnerships.spending.date")));
        date.setId("spending-date");
        date.setValue(LocalDate.now());
        BigDecimalField amount = new BigDecimalField(getTranslation("partnerships.amount"));
        amount.setId("spending-amount");
        TextField currency = Fields.text(this, "partnerships.currency", "spending-currency");
        currency.setHelperText(getTranslation("partnerships.spending.currency.help"));
        TextField purpose = Fields.text(this, "partnerships.spending.purpose", "spending-purpose");
        Map<String, HasValidation> fields = Map.of("party", party, "date", date, "amount", amount,
                "currency", currency, "purpose", purpose);
        Button add = new Button(getTranslation("partnerships.spending.add"), click -> {
            SpendingCommand command = new SpendingCommand(party.getValue() == null ? null : party.getValue().id(),
                    date.getValue(), amount.getValue(), Fields.blankToNull(currency.getValue()),
                    purpose.getValue().strip());
            if (!validation.check(command, fields)) {
                return;
            }
            try {
                budget.spend(agreement.id(), command);
                Notification.show(getTranslation("partnerships.spending.added"));
                amount.clear();
                purpose.clear();
                refresh();
            } catch (ApiException e) {
                validation.show(e, fields, this);
            }
        });
        add.setId("add-spending");
        FormLayout form = new FormLayout(party, date, amount, currency, purpose, add);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40rem", 3));
        return form;
    }

    /** A choice of the agreement's parties; required through the command's check, not the component's. */
    private Select<PartyResponse> partySelect(String id) {
        Select<PartyResponse> party = new Select<>();
        party.setLabel(getTranslation("partnerships.fulfilment.party"));
        party.setId(id);
        party.setItems(agreement.parties());
        party.setItemLabelGenerator(PartyResponse::label);
        return party;
    }

    private Anchor download(FulfilmentExportService exports, TableFormat format) {
        String filename = "fulfilment." + format.extension();
        Anchor link = new Anchor(DownloadHandler.fromInputStream(download -> {
            try {
                byte[] file = exports.fulfilment(agreement.id(), format);
                return new DownloadResponse(new ByteArrayInputStream(file), filename, format.mediaType(),
                        file.length);
            } catch (ApiException.NotFound | ApiException.Forbidden e) {
                return DownloadResponse.error(e instanceof ApiException.NotFound ? 404 : 403);
            }
        }), getTranslation("partnerships.fulfilment.download." + format.extension()));
        link.setId("download-fulfilment-" + format.extension());
        return link;
    }
}
