package eu.koopera.networks.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import eu.koopera.networks.CalendarFeedService;
import eu.koopera.networks.CalendarTokenResponse;
import eu.koopera.platform.web.ApiException;

/**
 * The user's personal calendar subscription: an address listing the meetings of every network their association
 * takes part in, to paste into a calendar application. Creating a new address revokes the old one; the address is
 * shown only once, since only its hash is kept.
 */
class CalendarSubscriptionPanel extends Div {

    private final CalendarFeedService feeds;
    private final String publicUrl;
    private final TextField address = new TextField();
    private final Button copy = new Button(VaadinIcon.COPY.create());
    private final Paragraph once = new Paragraph();

    CalendarSubscriptionPanel(CalendarFeedService feeds, String publicUrl) {
        this.feeds = feeds;
        this.publicUrl = publicUrl;
        setId("calendar-subscription");
        addClassName("koopera-card");
        address.setLabel(getTranslation("network.calendar.address"));
        address.setId("calendar-feed-url");
        address.setReadOnly(true);
        address.setWidthFull();
        address.setVisible(false);
        copy.setId("copy-calendar-feed");
        copy.setAriaLabel(getTranslation("network.calendar.copy"));
        copy.setTooltipText(getTranslation("network.calendar.copy"));
        copy.addClickListener(click -> {
            copy.getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)",
                    address.getValue());
            Notification.show(getTranslation("network.calendar.copied"));
        });
        copy.setVisible(false);
        once.setText(getTranslation("network.calendar.once"));
        once.setVisible(false);
        HorizontalLayout shown = new HorizontalLayout(address, copy);
        shown.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        shown.setWidthFull();
        shown.expand(address);

        Button create = new Button(getTranslation("network.calendar.create"), VaadinIcon.CALENDAR.create(),
                click -> issue());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("create-calendar-feed");
        Button revoke = new Button(getTranslation("network.calendar.revoke"), VaadinIcon.BAN.create(),
                click -> revoke());
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
        revoke.setId("revoke-calendar-feed");
        add(new H3(getTranslation("network.calendar.title")),
                new Paragraph(getTranslation("network.calendar.explanation")),
                new HorizontalLayout(create, revoke), shown, once);
    }

    private void issue() {
        try {
            CalendarTokenResponse issued = feeds.issue(publicUrl);
            address.setValue(issued.url());
            address.setVisible(true);
            copy.setVisible(true);
            once.setVisible(true);
            Notification.show(getTranslation("network.calendar.created"));
        } catch (ApiException e) {
            Refusals.notify(this, e, getTranslation("error.conflict"));
        }
    }

    private void revoke() {
        try {
            feeds.revoke();
            address.clear();
            address.setVisible(false);
            copy.setVisible(false);
            once.setVisible(false);
            Notification.show(getTranslation("network.calendar.revoked"));
        } catch (ApiException e) {
            Refusals.notify(this, e, getTranslation("error.conflict"));
        }
    }
}
