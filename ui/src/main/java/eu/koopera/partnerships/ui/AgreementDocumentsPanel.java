package eu.koopera.partnerships.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import eu.koopera.partnerships.AgreementDocument;
import eu.koopera.partnerships.AgreementDocumentService;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.DocumentFiles;
import eu.koopera.ui.forms.FileSizes;

import java.util.UUID;

/**
 * The documents of an agreement (its signed text, annexes) for the agreement page: each a download link with its
 * size, and for the owner's staff an upload for one more, checked by content in {@link AgreementDocumentService}.
 */
public class AgreementDocumentsPanel extends Div {

    private final UUID agreementId;
    private final AgreementDocumentService documents;
    private final int maxSize;
    private final Div list = new Div();

    /**
     * @param agreementId the agreement
     * @param documents   the service that checks access and reads and stores the files
     * @param editable    whether the reader may upload (the owner's administrators and coordinators)
     * @param maxSize     the largest file the service accepts, in bytes
     */
    public AgreementDocumentsPanel(UUID agreementId, AgreementDocumentService documents, boolean editable,
                                   int maxSize) {
        this.agreementId = agreementId;
        this.documents = documents;
        this.maxSize = maxSize;
        setId("agreement-documents");
        list.setId("agreement-document-list");
        add(new H2(getTranslation("agreementDocuments.title")), list);
        if (editable) {
            add(new Paragraph(getTranslation("agreementDocuments.accepted", FileSizes.format(getLocale(), maxSize))),
                    DocumentFiles.upload("agreement-document-upload", maxSize, this::upload,
                            () -> refuse(tooLargeText())));
        }
        show();
    }

    /** Stores an uploaded file and shows it in the list; the upload calls this, and so may a test. */
    public void upload(String fileName, byte[] content) {
        try {
            AgreementDocument added = documents.add(agreementId, fileName, content);
            Notification.show(getTranslation("agreementDocuments.added", added.fileName()));
            show();
        } catch (ApiException e) {
            refuse(DocumentFiles.refusal(this, e, tooLargeText()));
        }
    }

    private void show() {
        list.removeAll();
        var all = documents.list(agreementId);
        if (all.isEmpty()) {
            list.add(new Paragraph(getTranslation("agreementDocuments.none")));
        }
        for (AgreementDocument document : all) {
            Anchor download = new Anchor(DocumentFiles.download(() -> documents.download(agreementId,
                    document.id())), document.fileName());
            download.setId("agreement-document-" + document.id());
            HorizontalLayout line = new HorizontalLayout(VaadinIcon.FILE_TEXT_O.create(), download,
                    new Span(FileSizes.format(getLocale(), document.size())));
            line.setAlignItems(HorizontalLayout.Alignment.CENTER);
            list.add(line);
        }
    }

    private String tooLargeText() {
        return getTranslation("agreementDocuments.tooLarge", FileSizes.format(getLocale(), maxSize));
    }

    private void refuse(String text) {
        DocumentFiles.refuse(text, "agreement-document-refusal");
    }
}
