package eu.koopera.benchlearning.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import eu.koopera.benchlearning.Indicator;
import eu.koopera.benchlearning.Plan;
import eu.koopera.ui.forms.Fields;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * How far a plan has come: per indicator, baseline → latest imported value → target with the share of the way
 * covered (as the plan service computes it from the values), and the plan's overall progress.
 */
final class PlanProgressPanel extends Div {

    PlanProgressPanel(Plan plan, Map<String, Indicator> indicators, String language) {
        setId("plan-progress");
        Locale locale = getLocale();
        Double overall = plan.progressPercent();
        Span total = new Span(getTranslation("bench.plan.overall", percent(this, locale, overall)));
        total.setId("plan-overall-progress");
        add(total, bar(overall, "plan-overall-bar", total.getText()));
        for (int i = 0; i < plan.targets().size(); i++) {
            Plan.Target target = plan.targets().get(i);
            Indicator indicator = indicators.get(target.indicator());
            String id = "plan-progress-" + i;
            Div row = new Div();
            row.setId(id);
            row.addClassName("koopera-card");
            String name = indicator == null ? target.indicator() : indicator.name().in(language);
            row.add(new H3(name));
            Span figures = new Span(getTranslation("bench.plan.figures", number(locale, target.baselineValue()),
                    Integer.toString(target.baselineYear()), number(locale, target.latestValue()),
                    target.latestYear() == null ? Fields.NOT_KNOWN : target.latestYear().toString(),
                    number(locale, target.targetValue()), Integer.toString(target.targetYear())));
            figures.setId(id + "-figures");
            Span share = new Span(percent(this, locale, target.progressPercent()));
            share.setId(id + "-percent");
            share.getStyle().set("margin-inline-start", "var(--lumo-space-m)");
            row.add(figures, share);
            if (target.reached()) {
                Span reached = new Span(getTranslation("bench.plans.reached"));
                reached.getElement().getThemeList().add("badge success");
                reached.getStyle().set("margin-inline-start", "var(--lumo-space-m)");
                row.add(reached);
            }
            row.add(bar(target.progressPercent(), id + "-bar", name + ": " + share.getText()));
            add(row);
        }
    }

    /** A share as the portal writes it ("42 % of the way"), or "—" when there is none. */
    static String percent(Component context, Locale locale, @Nullable Double share) {
        return share == null ? Fields.NOT_KNOWN : context.getTranslation("bench.plans.progress",
                BenchViews.number(locale, share));
    }

    /** A bar held between 0 and 100 %, named for screen readers by the text shown beside it. */
    private static ProgressBar bar(@Nullable Double share, String id, String label) {
        ProgressBar bar = new ProgressBar(0, 100, clamp(share));
        bar.setId(id);
        bar.getElement().setAttribute("aria-label", label);
        return bar;
    }

    private static double clamp(@Nullable Double share) {
        return share == null ? 0 : Math.max(0, Math.min(100, share));
    }

    private static String number(Locale locale, @Nullable BigDecimal value) {
        return value == null ? Fields.NOT_KNOWN : BenchViews.number(locale, value);
    }
}
