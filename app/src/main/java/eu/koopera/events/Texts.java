package eu.koopera.events;

import io.micronaut.core.annotation.Nullable;

/** The rule for optional strings: blank means absent, the rest is stripped. */
final class Texts {

    private Texts() {
    }

    static @Nullable String clean(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
