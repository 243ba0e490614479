package eu.koopera.networks;

import java.util.Optional;
import java.util.UUID;

/**
 * Where the bytes of documents live. The default keeps them in PostgreSQL, in the same transaction as their
 * metadata; an S3-compatible store could implement the same two operations (see docs/operations.md).
 */
public interface DocumentStore {

    /** Stores {@code content} under a new key and returns the key. */
    UUID put(byte[] content);

    /** The content under {@code key}, if the current association may see it. */
    Optional<byte[]> get(UUID key);
}
