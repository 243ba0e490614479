package eu.koopera.partnerships.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import eu.koopera.partnerships.AgreementResponse;
import eu.koopera.partnerships.ReviewCommand;
import eu.koopera.partnerships.ReviewResponse;
import eu.koopera.partnerships.ReviewService;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.CommandValidation;
import eu.koopera.ui.forms.Fields;
import eu.koopera.ui.i18n.ComponentTexts;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/** An agreement's reviews, newest first, and a new review with the date of the next one, for the owner's staff. */
class ReviewsTab extends VerticalLayout {

    ReviewsTab(AgreementResponse agreement, ReviewService reviews, CommandValidation validation, boolean manages,
               Runnable onReviewed) {
        setPadding(false);
        Locale locale = getLocale();
        if (manages) {
            DatePicker reviewedOn = ComponentTexts.localize(new DatePicker(
                    getTranslation("partnerships.review.date")));
            reviewedOn.setId("review-date");
            reviewedOn.setValue(LocalDate.now());
            DatePicker nextReviewOn = ComponentTexts.localize(new DatePicker(
                    getTranslation("partnerships.nextReview")));
            nextReviewOn.setId("review-next");
            TextArea notes = new TextArea(getTranslation("partnerships.review.notes"));
            notes.setId("review-notes");
            Map<String, HasValidation> fields = Map.of("reviewedOn", reviewedOn, "nextReviewOn", nextReviewOn,
                    "notes", notes);
            Button add = new Button(getTranslation("partnerships.review.add"), click -> {
                ReviewCommand command = new ReviewCommand(reviewedOn.getValue(),
                        Fields.blankToNull(notes.getValue()), nextReviewOn.getValue());
                if (!validation.check(command, fields)) {
                    return;
                }
                try {
                    reviews.review(agreement.id(), command);
                    Notification.show(getTranslation("partnerships.review.added"));
                    onReviewed.run();
                } catch (ApiException e) {
                    validation.show(e, fields, this);
                }
            });
            add.setId("add-review");
            FormLayout form = new FormLayout(reviewedOn, nextReviewOn, notes, add);
            form.setColspan(notes, 2);
            form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1),
                    new FormLayout.ResponsiveStep("40rem", 2));
            add(new H2(getTranslation("partnerships.review.add")), form);
        }
        Grid<ReviewResponse> grid = new Grid<>();
        grid.setId("agreement-reviews");
        grid.addColumn(review -> AgreementTexts.date(review.reviewedOn(), locale))
                .setHeader(getTranslation("partnerships.review.date")).setAutoWidth(true);
        grid.addColumn(review -> AgreementTexts.orNone(review.notes()))
                .setHeader(getTranslation("partnerships.review.notes")).setFlexGrow(3);
        grid.addColumn(review -> AgreementTexts.date(review.nextReviewOn(), locale))
                .setHeader(getTranslation("partnerships.nextReview")).setAutoWidth(true);
        grid.addColumn(ReviewResponse::recordedBy).setHeader(getTranslation("partnerships.review.by"))
                .setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("partnerships.review.none"));
        grid.setItems(reviews.reviews(agreement.id()));
        add(new H2(getTranslation("partnerships.tab.reviews")), grid);
    }
}
