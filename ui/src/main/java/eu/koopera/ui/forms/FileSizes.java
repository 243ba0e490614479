package eu.koopera.ui.forms;

import java.text.NumberFormat;
import java.util.Locale;

/** File sizes as people read them: bytes, KB or MB, in the reader's number format. */
public final class FileSizes {

    private FileSizes() {
    }

    /** {@code bytes} as "512 B", "1,5 KB" or "20 MB" in {@code locale}'s format. */
    public static String format(Locale locale, long bytes) {
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        number.setMaximumFractionDigits(1);
        if (bytes < 1024) {
            return number.format(bytes) + " B";
        }
        if (bytes < 1024 * 1024) {
            return number.format(bytes / 1024.0) + " KB";
        }
        return number.format(bytes / (1024.0 * 1024)) + " MB";
    }
}
