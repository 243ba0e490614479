package eu.koopera.networks.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import eu.koopera.networks.DocumentResponse;
import eu.koopera.networks.DocumentService;
import eu.koopera.networks.NetworkResponse;
import eu.koopera.platform.web.ApiException;
import eu.koopera.ui.forms.Fields;
import eu.koopera.ui.forms.DocumentFiles;
import eu.koopera.ui.forms.FileSizes;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * The network's documents with all their versions. Everyone taking part uploads documents and new versions; every
 * download asks the service again, so a user whose association left gets nothing.
 */
class DocumentsTab extends VerticalLayout {

    private final NetworkResponse network;
    private final DocumentService documents;
    private final int maxSize;
    private final Div list = new Div();
    private final TextField title = new TextField();

    DocumentsTab(NetworkResponse network, DocumentService documents, int maxSize) {
        this.network = network;
        this.documents = documents;
        this.maxSize = maxSize;
        setPadding(false);
        title.setLabel(getTranslation("network.document.title"));
        title.setId("document-title");
        title.setHelperText(getTranslation("network.document.title.help"));
        Upload upload = upload("document-upload", (fileName, content) -> {
            documents.upload(network.id(), Fields.blankToNull(title.getValue()), fileName, content);
            title.clear();
        });
        list.setId("documents");
        list.setWidthFull();
        add(new H4(getTranslation("network.document.add")),
                new Paragraph(getTranslation("network.document.accepted", FileSizes.format(getLocale(), maxSize))),
                title, upload, list);
        refresh();
    }

    /**
     * An upload that reads at most one byte more than the limit and hands the file to {@code store} (in the UI's
     * session, where the signed-in user is bound); the service decides whether the file is accepted.
     */
    private Upload upload(String id, BiConsumer<String, byte[]> store) {
        return DocumentFiles.upload(id, maxSize, (fileName, content) -> receive(fileName, content, store),
                () -> refuse(getTranslation("network.document.tooLarge", FileSizes.format(getLocale(), maxSize))));
    }

    private void receive(String fileName, byte[] content, BiConsumer<String, byte[]> store) {
        try {
            store.accept(fileName, content);
            Notification.show(getTranslation("network.document.uploaded", fileName));
            refresh();
        } catch (ApiException e) {
            refuse(refusal(e));
        }
    }

    /** Why the service refused a file, in the user's language. */
    private String refusal(ApiException problem) {
        return switch (problem) {
            case ApiException.TooLarge ignored -> getTranslation("network.document.tooLarge",
                    FileSizes.format(getLocale(), maxSize));
            case ApiException.Unprocessable ignored -> getTranslation("network.document.type");
            case ApiException.BadRequest bad when bad.errors().stream()
                    .anyMatch(error -> "file".equals(error.field())) -> getTranslation("network.document.empty");
            case ApiException.BadRequest ignored -> getTranslation("network.document.titleTooLong");
            default -> Refusals.text(this, problem, getTranslation("error.conflict"));
        };
    }

    private void refuse(String text) {
        DocumentFiles.refuse(text, "document-refusal");
    }

    private void refresh() {
        list.removeAll();
        var all = documents.list(network.id());
        if (all.isEmpty()) {
            list.add(new Paragraph(getTranslation("network.document.none")));
        }
        all.forEach(document -> list.add(card(document)));
    }

    private Component card(DocumentResponse document) {
        Div card = new Div(new H3(document.title()));
        card.addClassName("koopera-card");
        card.setId("document-" + document.id());
        DateTimeFormatter times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(ZoneId.of("Europe/Riga"));
        for (DocumentResponse.Version version : document.versions()) {
            Anchor download = new Anchor(download(document.id(), version.version()), version.fileName());
            download.setId("download-" + document.id() + "-" + version.version());
            download.addClassName("document-download");
            HorizontalLayout line = new HorizontalLayout(
                    new Span(getTranslation("network.document.version", version.version())), download,
                    new Span(type(version.fileName())), new Span(FileSizes.format(getLocale(), version.sizeBytes())),
                    new Span(version.uploadedBy() + " (" + version.uploadedTenant() + ")"),
                    new Span(times.format(version.uploadedAt())));
            line.addClassName("document-version");
            line.setWrap(true);
            card.add(line);
        }
        card.add(upload("version-upload-" + document.id(),
                (fileName, content) -> documents.addVersion(document.id(), fileName, content)));
        return card;
    }

    /** Sends a version as an attachment, fetched through the service on every download. */
    private DownloadHandler download(UUID documentId, int version) {
        return DocumentFiles.download(() -> documents.download(documentId, version));
    }

    /** The type's short name: the safe file name always ends with the extension of the type found at upload. */
    private static String type(String fileName) {
        return fileName.substring(fileName.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT);
    }

}
