package eu.koopera.benchlearning.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import eu.koopera.benchlearning.GoodPractice;

/** A good-practice example as a card: title, whose it is, the text and the links to its documents. */
final class GoodPracticeCard extends Div {

    GoodPracticeCard(GoodPractice practice, String language) {
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
    }
}
