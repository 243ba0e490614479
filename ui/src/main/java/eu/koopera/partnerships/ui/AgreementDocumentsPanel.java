package eu.koopera.partnerships.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import eu.koopera.partnerships.AgreementDocument;
import eu.koopera.partnerships.AgreementDocumentService;
import eu.koopera.platform.documents.DocumentDownload;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import eu.koopera.ui.forms.BoundedUpload;
import eu.koopera.ui.forms.CommandValidation;
import eu.koopera.ui.forms.FileSizes;
import eu.koopera.ui.i18n.ComponentTexts;
import eu.koopera.ui.i18n.KooperaI18n;

import java.io.ByteArrayInputStream;
import java.util.Objects;
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
            Upload upload = new Upload(new BoundedUpload(maxSize, this::upload, this::tooLarge));
            upload.setId("agreement-document-upload");
            upload.setMaxFiles(1);
            upload.setMaxFileSize(maxSize);
            upload.addFileRejectedListener(event -> tooLarge());
            add(new Paragraph(getTranslation("agreementDocuments.accepted", FileSizes.format(getLocale(), maxSize))),
                    ComponentTexts.localize(upload));
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
            refuse(refusal(e));
        }
    }

    private void show() {
        list.removeAll();
        var all = documents.list(agreementId);
        if (all.isEmpty()) {
            list.add(new Paragraph(getTranslation("agreementDocuments.none")));
        }
        for (AgreementDocument document : all) {
            Anchor download = new Anchor(download(document.id()), document.fileName());
            download.setId("agreement-document-" + document.id());
            HorizontalLayout line = new HorizontalLayout(VaadinIcon.FILE_TEXT_O.create(), download,
                    new Span(FileSizes.format(getLocale(), document.size())));
            line.setAlignItems(HorizontalLayout.Alignment.CENTER);
            list.add(line);
        }
    }

    /** Sends a document as an attachment, read through the service (and its access check) on every download. */
    private DownloadHandler download(UUID document) {
        return DownloadHandler.fromInputStream(event -> {
            try {
                DocumentDownload file = documents.download(agreementId, document);
                return new DownloadResponse(new ByteArrayInputStream(file.content()), file.fileName(),
                        file.contentType(), file.content().length);
            } catch (ApiException.NotFound e) {
                return DownloadResponse.error(404);
            }
        });
    }

    private String refusal(ApiException problem) {
        if (problem instanceof ApiException.TooLarge) {
            return tooLargeText();
        }
        return problem.errors().stream().map(Problem.FieldError::code).filter(Objects::nonNull)
                .filter(code -> KooperaI18n.has("problem." + code)).findFirst()
                .map(code -> getTranslation("problem." + code))
                .orElseGet(() -> CommandValidation.refusal(this, problem));
    }

    private void tooLarge() {
        refuse(tooLargeText());
    }

    private String tooLargeText() {
        return getTranslation("agreementDocuments.tooLarge", FileSizes.format(getLocale(), maxSize));
    }

    private void refuse(String text) {
        Notification notification = Notification.show(text, 6000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.setId("agreement-document-refusal");
    }
}
