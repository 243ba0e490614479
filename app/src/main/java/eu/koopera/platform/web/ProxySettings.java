package eu.koopera.platform.web;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * Whether Koopera runs behind a reverse proxy (an ingress) that it trusts to report the client's address.
 *
 * @param forwardedFor take the client's address from the last {@code X-Forwarded-For} entry, the one the nearest
 *                     proxy appended; off by default, because without a proxy any client could write that header
 *                     and pose as any address
 */
@ConfigurationProperties("koopera.proxy")
public record ProxySettings(boolean forwardedFor) {
}
