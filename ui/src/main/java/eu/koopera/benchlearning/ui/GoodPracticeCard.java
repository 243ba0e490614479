package eu.koopera.benchlearning.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import eu.koopera.benchlearning.GoodPractice;
import eu.koopera.benchlearning.GoodPracticeService;

/** A good-practice example as a card: title, whose it is, the text, its links and its documents to download. */
final class GoodPracticeCard extends Div {

    GoodPracticeCard(GoodPractice practice, String language, GoodPracticeService practices) {
        setId("practice-" + practice.id());
        addClassName("koopera-card");
        add(new H3(practice.title().in(language)));
        Paragraph who = new Paragraph(practice.memberName() + " · " + String.join(", ", practice.indicators()));
        who.addClassName("koopera-secondary");
        Paragraph text = new Paragraph(practice.description());
        text.getStyle().set("white-space", "pre-line");
        add(who, text);
        for (String link : practice.links()) {
            Anchor document = new Anchor(link, link, AnchorTarget.BLANK);
            document.getElement().setAttribute("rel", "noopener noreferrer");
            add(new Div(document));
        }
        if (!practice.documents().isEmpty()) {
            add(new GoodPracticeDocuments(practice, practices, false, 0, unchanged -> { }));
        }
    }
}
