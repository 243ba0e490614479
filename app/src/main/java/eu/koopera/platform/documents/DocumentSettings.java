package eu.koopera.platform.documents;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.ReadableBytes;

/**
 * Limits of uploaded documents (network documents, good-practice examples).
 *
 * @param maxSize the largest file accepted, in bytes ({@code KOOPERA_DOCUMENTS_MAX_SIZE}, default 20 MB)
 */
@ConfigurationProperties("koopera.documents")
public record DocumentSettings(@Bindable(defaultValue = "20MB") @ReadableBytes int maxSize) {
}
