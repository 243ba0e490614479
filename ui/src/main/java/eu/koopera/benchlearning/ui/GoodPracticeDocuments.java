package eu.koopera.benchlearning.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import eu.koopera.benchlearning.GoodPractice;
import eu.koopera.benchlearning.GoodPracticeService;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.DocumentFiles;
import eu.koopera.ui.forms.FileSizes;

import java.util.function.Consumer;

/**
 * A good-practice example's documents: each one a download link, with its size, and for those who may change the
 * example a remove button and an upload for one more (checked by content in {@link GoodPracticeService}).
 */
final class GoodPracticeDocuments extends Div {

    private final GoodPracticeService practices;
    private final boolean editable;
    private final int maxSize;
    private final Consumer<GoodPractice> onChanged;
    private final Div list = new Div();

    /**
     * @param editable  whether the reader may add and remove documents
     * @param maxSize   the largest file the service accepts, in bytes
     * @param onChanged told of the example as it is after a document was added or removed
     */
    GoodPracticeDocuments(GoodPractice practice, GoodPracticeService practices, boolean editable, int maxSize,
                          Consumer<GoodPractice> onChanged) {
        this.practices = practices;
        this.editable = editable;
        this.maxSize = maxSize;
        this.onChanged = onChanged;
        setId((editable ? "practice-documents-" : "practice-downloads-") + practice.id());
        list.addClassName("practice-document-list");
        add(list);
        show(practice);
        if (editable) {
            add(new H4(getTranslation("bench.practice.document.add")),
                    new Paragraph(getTranslation("bench.practice.document.accepted",
                            FileSizes.format(getLocale(), maxSize))),
                    DocumentFiles.upload("practice-document-upload-" + practice.id(), maxSize,
                            (fileName, content) -> add(practice.id(), fileName, content),
                            () -> refuse(tooLargeText())));
        }
    }

    private void show(GoodPractice practice) {
        list.removeAll();
        if (practice.documents().isEmpty() && editable) {
            list.add(new Paragraph(getTranslation("bench.practice.document.none")));
        }
        for (GoodPractice.Document document : practice.documents()) {
            Anchor download = new Anchor(DocumentFiles.download(() -> practices.document(practice.id(),
                    document.id())), document.fileName());
            // read-only lists (cards) and the dialog's list may be on screen together: ids of their own
            download.setId((editable ? "practice-document-" : "practice-download-") + document.id());
            HorizontalLayout line = new HorizontalLayout(VaadinIcon.FILE_TEXT_O.create(), download,
                    new Span(FileSizes.format(getLocale(), document.size())));
            line.setAlignItems(HorizontalLayout.Alignment.CENTER);
            if (editable) {
                Button remove = new Button(VaadinIcon.TRASH.create(), click -> remove(practice.id(), document));
                remove.setId("practice-document-remove-" + document.id());
                remove.setAriaLabel(getTranslation("bench.practice.document.remove", document.fileName()));
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                line.add(remove);
            }
            list.add(line);
        }
    }

    private void add(long practice, String fileName, byte[] content) {
        try {
            GoodPractice changed = practices.addDocument(practice, fileName, content);
            Notification.show(getTranslation("bench.practice.document.added", fileName));
            show(changed);
            onChanged.accept(changed);
        } catch (ApiException e) {
            refuse(DocumentFiles.refusal(this, e, tooLargeText()));
        }
    }

    private void remove(long practice, GoodPractice.Document document) {
        try {
            GoodPractice changed = practices.removeDocument(practice, document.id());
            show(changed);
            onChanged.accept(changed);
        } catch (ApiException e) {
            refuse(DocumentFiles.refusal(this, e, tooLargeText()));
        }
    }

    private String tooLargeText() {
        return getTranslation("bench.practice.document.tooLarge", FileSizes.format(getLocale(), maxSize));
    }

    private void refuse(String text) {
        DocumentFiles.refuse(text, "practice-document-refusal");
    }
}
