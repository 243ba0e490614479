package eu.koopera.ui.forms;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.function.SerializableBiConsumer;
import com.vaadin.flow.function.SerializableRunnable;
import com.vaadin.flow.function.SerializableSupplier;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import eu.koopera.platform.documents.DocumentDownload;
import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;
import eu.koopera.ui.i18n.ComponentTexts;
import eu.koopera.ui.i18n.KooperaI18n;

import java.io.ByteArrayInputStream;
import java.util.Objects;

/**
 * What every feature's document list does alike: an upload of one file held to the service's size limit, a download
 * read through the service (and its access check) on every click, and a refusal in the user's language.
 */
public final class DocumentFiles {

    private DocumentFiles() {
    }

    /**
     * An upload of one file of at most {@code maxSize} bytes, with its texts in the user's language; a file within
     * the limit goes to {@code receive}, one over it (told by the browser or found by the server) to {@code tooLarge}.
     */
    public static Upload upload(String id, int maxSize, SerializableBiConsumer<String, byte[]> receive,
                                SerializableRunnable tooLarge) {
        Upload upload = new Upload(new BoundedUpload(maxSize, receive, tooLarge));
        upload.setId(id);
        upload.setMaxFiles(1);
        upload.setMaxFileSize(maxSize);
        upload.addFileRejectedListener(event -> tooLarge.run());
        return ComponentTexts.localize(upload);
    }

    /** A download of the document {@code read} gives, as an attachment; 404 when it is no longer there. */
    public static DownloadHandler download(SerializableSupplier<DocumentDownload> read) {
        return DownloadHandler.fromInputStream(event -> {
            try {
                DocumentDownload file = read.get();
                return new DownloadResponse(new ByteArrayInputStream(file.content()), file.fileName(),
                        file.contentType(), file.content().length);
            } catch (ApiException.NotFound e) {
                return DownloadResponse.error(404);
            }
        });
    }

    /**
     * Why the service refused a file, in the user's language: {@code tooLarge} for a file over the limit, else the
     * text for the file's own problem code where the bundles have one, else the refusal by its kind.
     */
    public static String refusal(Component context, ApiException problem, String tooLarge) {
        if (problem instanceof ApiException.TooLarge) {
            return tooLarge;
        }
        return problem.errors().stream().map(Problem.FieldError::code).filter(Objects::nonNull)
                .filter(code -> KooperaI18n.has("problem." + code)).findFirst()
                .map(code -> context.getTranslation("problem." + code))
                .orElseGet(() -> CommandValidation.refusal(context, problem));
    }

    /** Shows a refusal as an error notification with {@code id}, so that tests and screen readers find it. */
    public static void refuse(String text, String id) {
        Notification notification = Notification.show(text, 6000, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.setId(id);
    }
}
