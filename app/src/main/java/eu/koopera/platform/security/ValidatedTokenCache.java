package eu.koopera.platform.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpHostResolver;
import io.micronaut.http.server.util.locale.HttpLocaleResolver;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.event.TokenValidatedEvent;
import io.micronaut.security.filters.SecurityFilter;
import io.micronaut.security.token.TokenAuthenticationFetcher;
import io.micronaut.security.token.reader.TokenResolver;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Micronaut Security's bearer-token authentication with a memory of the tokens it has already verified: an access
 * token whose signature and claims were checked once is taken as the same {@link Authentication} again until its
 * {@code exp}, without parsing and verifying it on every request (about a tenth of a read request's CPU time).
 *
 * <p>This weakens nothing: a token is a signed, immutable string, so the same string verifies the same way until it
 * expires, and expiry is checked at each use. Access tokens are not revocable by design (short-lived, stateless);
 * what can change during their life — a disabled account, changed roles, a suspended tenant — is re-read by the
 * tenant admission behind this filter, from the database, as before. Only tokens that verified are remembered, at
 * most {@link #MAX_ENTRIES}, keyed on their SHA-256 digest so that the lookup compares no secret text; a token
 * without {@code exp} is not remembered.
 */
@Singleton
@Replaces(TokenAuthenticationFetcher.class)
@Requires(beans = HttpHostResolver.class)
public class ValidatedTokenCache extends TokenAuthenticationFetcher {

    /** The most verified tokens remembered at once; beyond it, expired ones are dropped, then all. */
    static final int MAX_ENTRIES = 10_000;

    private final TokenResolver<HttpRequest<?>> tokenResolver;
    private final Clock clock = Clock.systemUTC();
    private final ConcurrentMap<Digest, Verified> verified = new ConcurrentHashMap<>();

    public ValidatedTokenCache(List<TokenValidator<HttpRequest<?>>> tokenValidators,
                               TokenResolver<HttpRequest<?>> tokenResolver,
                               ApplicationEventPublisher<TokenValidatedEvent> tokenValidatedEventPublisher,
                               HttpHostResolver httpHostResolver, HttpLocaleResolver httpLocaleResolver) {
        super(tokenValidators, tokenResolver, tokenValidatedEventPublisher, httpHostResolver, httpLocaleResolver);
        this.tokenResolver = tokenResolver;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        List<String> tokens = tokenResolver.resolveTokens(request);
        if (tokens == null || tokens.size() != 1) {
            return super.fetchAuthentication(request); // none, or several to try in turn: as Micronaut does
        }
        String token = tokens.getFirst();
        Digest key = Digest.of(token);
        Verified known = verified.get(key);
        Instant now = clock.instant();
        if (known != null) {
            if (now.isBefore(known.expires())) {
                request.setAttribute(SecurityFilter.TOKEN, token);
                tokenValidatedEventPublisher.publishEvent(new TokenValidatedEvent(token,
                        httpHostResolver.resolve(request), httpLocaleResolver.resolveOrDefault(request)));
                return Publishers.just(known.authentication());
            }
            verified.remove(key, known);
        }
        return Publishers.map(super.fetchAuthentication(request), authentication -> {
            remember(key, authentication, now);
            return authentication;
        });
    }

    private void remember(Digest key, Authentication authentication, Instant now) {
        Instant expires = expiry(authentication.getAttributes().get("exp"));
        if (expires == null || !now.isBefore(expires)) {
            return;
        }
        if (verified.size() >= MAX_ENTRIES) {
            verified.values().removeIf(entry -> !now.isBefore(entry.expires()));
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
        }
        verified.put(key, new Verified(authentication, expires));
    }

    /** The {@code exp} claim as Micronaut puts it into the attributes: a {@link Date}, or seconds since 1970. */
    private static @Nullable Instant expiry(@Nullable Object exp) {
        return switch (exp) {
            case Date date -> date.toInstant();
            case Instant instant -> instant;
            case Number seconds -> Instant.ofEpochSecond(seconds.longValue());
            case null, default -> null;
        };
    }

    private record Verified(Authentication authentication, Instant expires) {
    }

    /** SHA-256 of a token: a key that reveals nothing of the token through comparison timing. */
    private record Digest(byte[] bytes) {

        static Digest of(String token) {
            try {
                return new Digest(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required of every JDK", e);
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Digest digest && MessageDigest.isEqual(bytes, digest.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Digest[SHA-256]";
        }
    }
}
