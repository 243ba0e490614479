package eu.koopera.platform.documents;

import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.Problem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Recognises the document types features accept (network documents, good-practice examples) by their content,
 * never by the file name or the type the client declared: PDF, Office (OOXML and the older binary formats),
 * OpenDocument, PNG and JPEG. Anything else, such as HTML or an executable named {@code .pdf}, is not a document
 * here.
 */
public final class DocumentTypes {

    /** A recognised type: its media type and the extension a download gets. */
    public record Type(String mediaType, String extension) {
    }

    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final int MAX_ZIP_ENTRIES = 10_000;

    private DocumentTypes() {
    }

    /**
     * The type of an uploaded file that is not empty, not over {@code maxSize} bytes and is a document.
     *
     * @throws ApiException.BadRequest    when the file is empty ({@code document.empty})
     * @throws ApiException.TooLarge      when it is over the limit ({@code document.tooLarge}, with the limit in MB)
     * @throws ApiException.Unprocessable when its content is not an accepted type ({@code document.unsupported})
     */
    public static Type require(String fileName, byte[] content, int maxSize) {
        if (content.length == 0) {
            throw new ApiException.BadRequest("The file is empty.", List.of(new Problem.FieldError("file",
                    "must not be empty", null, null, "document.empty", List.of())));
        }
        if (content.length > maxSize) {
            throw new ApiException.TooLarge("The file is larger than " + maxSize / (1024 * 1024) + " MB.")
                    .withCode("document.tooLarge");
        }
        return detect(content, fileName).orElseThrow(() -> new ApiException.Unprocessable(
                "Only PDF, Office, OpenDocument, PNG and JPEG files are accepted; this file's content is none of "
                        + "them.", List.of(new Problem.FieldError("file", "unsupported content", null, null,
                        "document.unsupported", List.of()))));
    }

    /** The SHA-256 of a document's content, in lower-case hex, as stored beside it. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The type of {@code content}; the file name only tells old binary Office formats apart. */
    public static Optional<Type> detect(byte[] content, String fileName) {
        if (startsWith(content, PDF)) {
            return Optional.of(new Type("application/pdf", "pdf"));
        }
        if (startsWith(content, PNG)) {
            return Optional.of(new Type("image/png", "png"));
        }
        if (startsWith(content, JPEG)) {
            return Optional.of(new Type("image/jpeg", "jpg"));
        }
        if (startsWith(content, OLE2)) {
            return legacyOffice(extensionOf(fileName));
        }
        if (startsWith(content, ZIP)) {
            return packaged(content);
        }
        return Optional.empty();
    }

    private static Optional<Type> legacyOffice(String extension) {
        return switch (extension) {
            case "doc" -> Optional.of(new Type("application/msword", "doc"));
            case "xls" -> Optional.of(new Type("application/vnd.ms-excel", "xls"));
            case "ppt" -> Optional.of(new Type("application/vnd.ms-powerpoint", "ppt"));
            default -> Optional.empty();
        };
    }

    /** OOXML by its parts, OpenDocument by its {@code mimetype} entry; any other archive is refused. */
    private static Optional<Type> packaged(byte[] content) {
        Set<String> names = new HashSet<>();
        String odfType = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null && names.size() < MAX_ZIP_ENTRIES) {
                names.add(entry.getName());
                if (entry.getName().equals("mimetype") && odfType == null) {
                    odfType = new String(zip.readNBytes(100), StandardCharsets.US_ASCII).strip();
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        if (odfType != null) {
            return switch (odfType) {
                case "application/vnd.oasis.opendocument.text" -> Optional.of(new Type(odfType, "odt"));
                case "application/vnd.oasis.opendocument.spreadsheet" -> Optional.of(new Type(odfType, "ods"));
                case "application/vnd.oasis.opendocument.presentation" -> Optional.of(new Type(odfType, "odp"));
                default -> Optional.empty();
            };
        }
        if (!names.contains("[Content_Types].xml")) {
            return Optional.empty();
        }
        if (names.contains("word/document.xml")) {
            return Optional.of(new Type("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    "docx"));
        }
        if (names.contains("xl/workbook.xml")) {
            return Optional.of(new Type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"));
        }
        if (names.contains("ppt/presentation.xml")) {
            return Optional.of(new Type("application/vnd.openxmlformats-officedocument.presentationml.presentation",
                    "pptx"));
        }
        return Optional.empty();
    }

    /**
     * A file name safe to offer in a download: no path, no control or reserved characters, at most 150
     * characters, ending with the extension of the detected type.
     */
    public static String safeName(String fileName, Type type) {
        String base = fileName == null ? "" : fileName.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        int dot = base.lastIndexOf('.');
        if (dot > 0) {
            base = base.substring(0, dot);
        }
        String cleaned = base.codePoints()
                .filter(c -> Character.isLetterOrDigit(c) || c == ' ' || c == '-' || c == '_' || c == '.')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString()
                .strip().replaceAll("^\\.+", "");
        if (cleaned.isEmpty()) {
            cleaned = "document";
        }
        if (cleaned.length() > 150) {
            cleaned = cleaned.substring(0, 150).strip();
        }
        return cleaned + "." + type.extension();
    }

    private static String extensionOf(String fileName) {
        int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }
}
