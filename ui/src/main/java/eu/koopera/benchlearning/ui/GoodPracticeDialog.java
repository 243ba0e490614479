package eu.koopera.benchlearning.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.StringLengthValidator;
import eu.koopera.benchlearning.GoodPractice;
import eu.koopera.benchlearning.GoodPracticeCommand;
import eu.koopera.benchlearning.GoodPracticeService;
import eu.koopera.benchlearning.Indicator;
import eu.koopera.members.MemberResponse;
import eu.koopera.members.MemberSearch;
import eu.koopera.members.MemberService;
import eu.koopera.networks.LocalizedText;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.CommandValidation;
import eu.koopera.ui.forms.Fields;
import io.micronaut.core.annotation.Nullable;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Records a good-practice example or edits one, with exactly what {@link GoodPracticeCommand} carries: whose it is,
 * the title in lv/lt/en, the text, the indicators it explains and the addresses of its documents (one a line); an
 * example already saved also takes uploaded documents.
 */
class GoodPracticeDialog extends Dialog {

    private static final Pattern LINK = Pattern.compile("^https?://\\S+$");
    private static final int MAX_LINKS = 10;
    private static final int MAX_INDICATORS = 20;

    /** What the binder edits; mutable for it. */
    static final class Form {
        @Nullable MemberResponse member;
        String titleLv = "";
        String titleLt = "";
        String titleEn = "";
        String description = "";
        Set<Indicator> indicators = new LinkedHashSet<>();
        String links = "";
    }

    private final @Nullable GoodPractice practice;
    private final GoodPracticeService practices;
    private final CommandValidation validation;
    private final Consumer<GoodPractice> onSaved;
    private final Form form = new Form();
    private final Binder<Form> binder = new Binder<>();
    private final ComboBox<MemberResponse> member = new ComboBox<>();
    private final TextField titleLv = Fields.text(this, "bench.practice.titleLv", "practice-title-lv");
    private final TextField titleLt = Fields.text(this, "bench.practice.titleLt", "practice-title-lt");
    private final TextField titleEn = Fields.text(this, "bench.practice.titleEn", "practice-title-en");
    private final TextArea description = new TextArea();
    private final MultiSelectComboBox<Indicator> indicators = new MultiSelectComboBox<>();
    private final TextArea links = new TextArea();

    /**
     * @param own             the organisation a municipal user writes for; null for staff, who choose
     * @param documentMaxSize the largest document accepted, in bytes
     * @param onSaved         told of the example after it was saved or a document was added or removed
     */
    GoodPracticeDialog(@Nullable GoodPractice practice, @Nullable MemberResponse own, List<Indicator> catalogue,
                       String language, GoodPracticeService practices, MemberService members,
                       CommandValidation validation, int documentMaxSize, Consumer<GoodPractice> onSaved) {
        this.practice = practice;
        this.practices = practices;
        this.validation = validation;
        this.onSaved = onSaved;
        setHeaderTitle(getTranslation(practice == null ? "bench.practices.create" : "bench.practices.edit"));
        String required = getTranslation("validation.required");
        member.setLabel(getTranslation("bench.plan.member"));
        member.setId("practice-member");
        member.setItemLabelGenerator(found -> found.name() + " (" + found.code() + ")");
        if (own == null && practice == null) {
            member.setItems(query -> members.search(MemberSearch.text(query.getFilter()
                    .filter(text -> !text.isBlank()).map(String::strip).orElse(null)), query.getPage(),
                    query.getPageSize()).items().stream());
        } else {
            MemberResponse fixed = practice == null ? own : members.get(practice.member());
            member.setItems(List.of(Objects.requireNonNull(fixed)));
            form.member = fixed;
            member.setReadOnly(true);
        }
        description.setLabel(getTranslation("bench.practice.description"));
        description.setId("practice-description");
        indicators.setLabel(getTranslation("bench.practice.indicators"));
        indicators.setId("practice-indicators");
        indicators.setItems(catalogue);
        indicators.setItemLabelGenerator(item -> item.name().in(language) + " (" + item.code() + ")");
        links.setLabel(getTranslation("bench.practice.links"));
        links.setHelperText(getTranslation("bench.practice.linksHelp"));
        links.setId("practice-links");

        binder.forField(member).asRequired(required).bind(bean -> bean.member, (bean, value) -> bean.member = value);
        for (TextField title : List.of(titleLv, titleLt, titleEn)) {
            title.setMaxLength(200);
        }
        binder.forField(titleLv).bind(bean -> bean.titleLv, (bean, value) -> bean.titleLv = value);
        binder.forField(titleLt).bind(bean -> bean.titleLt, (bean, value) -> bean.titleLt = value);
        binder.forField(titleEn).bind(bean -> bean.titleEn, (bean, value) -> bean.titleEn = value);
        binder.forField(description).asRequired(required)
                .withValidator(new StringLengthValidator(getTranslation("validation.size", 1, 8000), 1, 8000))
                .bind(bean -> bean.description, (bean, value) -> bean.description = value);
        binder.forField(indicators)
                .withValidator(chosen -> chosen.size() <= MAX_INDICATORS,
                        getTranslation("bench.plan.tooMany", MAX_INDICATORS))
                .bind(bean -> bean.indicators, (bean, value) -> bean.indicators = value);
        binder.forField(links)
                .withValidator(text -> lines(text).size() <= MAX_LINKS && lines(text).stream()
                        .allMatch(line -> line.length() <= 500 && LINK.matcher(line).matches()),
                        getTranslation("bench.practice.linksInvalid", MAX_LINKS))
                .bind(bean -> bean.links, (bean, value) -> bean.links = value);
        if (practice != null) {
            form.titleLv = Fields.nullToEmpty(practice.title().lv());
            form.titleLt = Fields.nullToEmpty(practice.title().lt());
            form.titleEn = Fields.nullToEmpty(practice.title().en());
            form.description = practice.description();
            form.indicators = catalogue.stream().filter(item -> practice.indicators().contains(item.code()))
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            form.links = String.join("\n", practice.links());
        }
        binder.setBean(form);
        FormLayout layout = new FormLayout(member, titleLv, titleLt, titleEn, description, indicators, links);
        layout.setColspan(member, 2);
        layout.setColspan(description, 2);
        layout.setColspan(indicators, 2);
        layout.setColspan(links, 2);
        add(layout);
        add(new H3(getTranslation("bench.practice.documents")));
        if (practice == null) {
            add(new Paragraph(getTranslation("bench.practice.document.afterSave")));
        } else {
            add(new GoodPracticeDocuments(practice, practices, true, documentMaxSize, onSaved));
        }
        Button save = new Button(getTranslation("common.save"), click -> save());
        save.setId("save-practice");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("common.cancel"), click -> close());
        getFooter().add(cancel, save);
        setWidth("48em");
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private void save() {
        if (!binder.validate().isOk()) {
            return;
        }
        GoodPracticeCommand command = new GoodPracticeCommand(Objects.requireNonNull(form.member).id(),
                new LocalizedText(Fields.blankToNull(form.titleLv), Fields.blankToNull(form.titleLt),
                        Fields.blankToNull(form.titleEn)), form.description.strip(),
                form.indicators.stream().map(Indicator::code).toList(), lines(form.links),
                practice == null ? null : practice.version());
        try {
            GoodPractice saved = practice == null ? practices.create(command) : practices.update(practice.id(),
                    command);
            Notification.show(getTranslation("bench.practice.saved"));
            close();
            onSaved.accept(saved);
        } catch (ApiException e) {
            validation.show(e, fields(), this);
        }
    }

    /** The fields by the names the good-practice service gives in its problems. */
    private Map<String, HasValidation> fields() {
        Map<String, HasValidation> fields = new HashMap<>(Map.of("member", member, "title", titleLv,
                "description", description, "indicators", indicators, "links", links));
        IntStream.range(0, MAX_INDICATORS).forEach(i -> fields.put("indicators[" + i + "]", indicators));
        IntStream.range(0, MAX_LINKS).forEach(i -> fields.put("links[" + i + "]", links));
        return fields;
    }
}
