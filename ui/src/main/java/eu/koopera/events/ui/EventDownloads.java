package eu.koopera.events.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import eu.koopera.events.EventExportService;
import eu.koopera.events.EventService;
import eu.koopera.networks.CalendarFile;
import eu.koopera.platform.tabular.TableFormat;
import eu.koopera.platform.web.ApiException;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Supplier;

/** The files of an event as links: its calendar entry, the participants and the host list; built when clicked. */
final class EventDownloads {

    private EventDownloads() {
    }

    /** The event as an iCalendar file in the user's language. */
    static Anchor calendar(Component context, EventService events, UUID eventId, String id) {
        Anchor link = new Anchor(DownloadHandler.fromInputStream(download -> {
            try {
                CalendarFile file = events.calendar(eventId);
                byte[] content = file.content().getBytes(StandardCharsets.UTF_8);
                download.getResponse().setHeader("X-Content-Type-Options", "nosniff");
                return new DownloadResponse(new ByteArrayInputStream(content), file.filename(),
                        "text/calendar; charset=utf-8", content.length);
            } catch (ApiException.NotFound e) {
                return DownloadResponse.error(404);
            }
        }), context.getTranslation("event.download.calendar"));
        link.setId(id);
        return link;
    }

    /** The confirmed participants as CSV or XLSX; other associations' rows without personal data. */
    static Anchor participants(Component context, EventExportService exports, UUID eventId, TableFormat format) {
        return table(context.getTranslation("event.download.participants." + format.extension()),
                "participants." + format.extension(), format, () -> exports.participants(eventId, null, format),
                "download-participants-" + format.extension());
    }

    /** Names, municipalities and roles of the confirmed, for the hosts. */
    static Anchor hostList(Component context, EventExportService exports, UUID eventId, TableFormat format) {
        return table(context.getTranslation("event.download.hostList." + format.extension()),
                "host-list." + format.extension(), format, () -> exports.hostList(eventId, format),
                "download-host-list-" + format.extension());
    }

    private static Anchor table(String text, String filename, TableFormat format, Supplier<byte[]> content,
                                String id) {
        Anchor link = new Anchor(DownloadHandler.fromInputStream(download -> {
            try {
                byte[] file = content.get();
                return new DownloadResponse(new ByteArrayInputStream(file), filename, format.mediaType(),
                        file.length);
            } catch (ApiException.NotFound | ApiException.Forbidden e) {
                return DownloadResponse.error(e instanceof ApiException.NotFound ? 404 : 403);
            }
        }), text);
        link.setId(id);
        return link;
    }
}
