package eu.koopera.platform.documents;

/**
 * A stored document's content, to be sent as an attachment.
 *
 * @param fileName    a safe file name ending with the type's extension
 * @param contentType the type recognised from the content at upload
 */
public record DocumentDownload(String fileName, String contentType, byte[] content) {
}
