package eu.koopera.platform.web;

import io.micronaut.core.annotation.Nullable;

/**
 * What text from outside must look like before it goes anywhere near the database: no NUL characters (PostgreSQL
 * cannot store them) and no lone surrogates (they are not Unicode text at all). Also decides which characters are
 * invisible, so that text made only of them counts as blank.
 */
public final class TextRules {

    private TextRules() {
    }

    /** Why {@code text} cannot be accepted, or null when it can. */
    public static @Nullable String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "must not contain NUL characters";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must be valid Unicode text (it has a lone surrogate)";
            }
        }
        return null;
    }

    /**
     * {@code text} without the whitespace and invisible characters (zero-width spaces, joiners, byte order marks,
     * fillers) around it; text made only of them becomes empty.
     */
    public static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && invisible(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        while (end > start && invisible(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return start == 0 && end == text.length() ? text : text.substring(start, end);
    }

    /** Whether a character shows nothing: white space, a control or format character, or a blank filler. */
    static boolean invisible(int codePoint) {
        if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
            return true;
        }
        int type = Character.getType(codePoint);
        if (type == Character.FORMAT || type == Character.CONTROL) {
            return true;
        }
        // letters by category, yet drawn as nothing: Hangul fillers, the braille blank, combining grapheme joiner
        return codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0x3164 || codePoint == 0xFFA0
                || codePoint == 0x2800 || codePoint == 0x034F;
    }
}
