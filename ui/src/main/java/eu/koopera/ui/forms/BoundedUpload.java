package eu.koopera.ui.forms;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.SerializableBiConsumer;
import com.vaadin.flow.function.SerializableRunnable;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;

import java.io.IOException;
import java.io.InputStream;

/**
 * An upload handler that the server holds to a size, whatever the browser was told: Vaadin refuses a multipart
 * request over {@link #getFileSizeMax()} before the handler runs, and the handler itself reads at most one byte more
 * than the limit, so a raw upload cannot exceed it either. A file within the limit goes to {@code receive}, one over
 * it to {@code tooLarge}; both run in the UI's session, where the signed-in user is bound.
 */
public final class BoundedUpload implements UploadHandler {

    /** Room for the multipart envelope around the file itself. */
    private static final long ENVELOPE = 64 * 1024;

    private final int maxBytes;
    private final SerializableBiConsumer<String, byte[]> receive;
    private final SerializableRunnable tooLarge;

    public BoundedUpload(int maxBytes, SerializableBiConsumer<String, byte[]> receive,
                         SerializableRunnable tooLarge) {
        this.maxBytes = maxBytes;
        this.receive = receive;
        this.tooLarge = tooLarge;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        byte[] content;
        try (InputStream in = event.getInputStream()) {
            content = in.readNBytes(maxBytes + 1);
        }
        String fileName = event.getFileName();
        UI ui = event.getUI();
        if (content.length > maxBytes) {
            ui.access(tooLarge::run);
        } else {
            ui.access(() -> receive.accept(fileName, content));
        }
    }

    @Override
    public long getFileSizeMax() {
        return maxBytes;
    }

    @Override
    public long getRequestSizeMax() {
        return maxBytes + ENVELOPE;
    }

    @Override
    public long getFileCountMax() {
        return 1;
    }
}
