package eu.koopera.benchlearning;

import eu.koopera.platform.web.ApiException;
import eu.koopera.platform.web.ClientAddresses;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Anonymous, read-only open data of the associations that publish it, rate-limited per client address, with
 * {@code Cache-Control} and a strong {@code ETag} ({@code If-None-Match} answers 304). The opt-in itself is behind
 * sign-in.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class OpenDataController {

    private final OpenDataService openData;
    private final OpenDataSettings settings;
    private final ClientAddresses addresses;
    private final JsonMapper json;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    OpenDataController(OpenDataService openData, OpenDataSettings settings, ClientAddresses addresses,
                       JsonMapper json) {
        this.openData = openData;
        this.settings = settings;
        this.addresses = addresses;
        this.json = json;
    }

    @Get("/api/benchlearning/open-data")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    OpenData.Setting setting() {
        return openData.setting();
    }

    @Put("/api/benchlearning/open-data")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    OpenData.Setting publish(@Body OpenData.Setting setting) {
        return openData.publish(setting.enabled());
    }

    @Get("/api/open/{tenant}/indicators")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<String> indicators(HttpRequest<?> request, @PathVariable @Size(max = 31) String tenant) {
        limit(request);
        return cached(request, openData.indicators(tenant));
    }

    @Get("/api/open/{tenant}/values")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<String> values(HttpRequest<?> request, @PathVariable @Size(max = 31) String tenant,
                                @QueryValue @Nullable @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")
                                String indicator,
                                @QueryValue @Nullable @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$")
                                String municipality,
                                @QueryValue @Nullable @Pattern(regexp = "^\\d{4}(,\\d{4}){0,49}$",
                                        message = "must be a year or years separated by commas") String year,
                                @QueryValue(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                @QueryValue(defaultValue = "100") @Min(1) @Max(1000) int size) {
        limit(request);
        List<Integer> years = new ArrayList<>();
        if (year != null) {
            for (String one : year.split(",")) {
                years.add(Integer.parseInt(one));
            }
        }
        OpenData.Values values = openData.values(tenant, indicator, municipality, years, page, size,
                next -> link(tenant, indicator, municipality, year, next, size));
        return cached(request, values);
    }

    private static String link(String tenant, @Nullable String indicator, @Nullable String municipality,
                               @Nullable String year, int page, int size) {
        StringBuilder link = new StringBuilder("/api/open/").append(tenant).append("/values?");
        if (indicator != null) {
            link.append("indicator=").append(URLEncoder.encode(indicator, StandardCharsets.UTF_8)).append('&');
        }
        if (municipality != null) {
            link.append("municipality=").append(URLEncoder.encode(municipality, StandardCharsets.UTF_8)).append('&');
        }
        if (year != null) {
            link.append("year=").append(year).append('&');
        }
        return link.append("page=").append(page).append("&size=").append(size).toString();
    }

    /** The body as JSON with its ETag; 304 without a body when the client has it already. */
    private HttpResponse<String> cached(HttpRequest<?> request, Object body) {
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String etag = "\"" + sha256(text) + "\"";
        String cacheControl = "public, max-age=" + settings.maxAge().toSeconds();
        String match = request.getHeaders().get(HttpHeaders.IF_NONE_MATCH);
        if (match != null && (match.equals(etag) || match.equals("W/" + etag) || match.equals("*"))) {
            return HttpResponse.<String>status(HttpStatus.NOT_MODIFIED).header(HttpHeaders.ETAG, etag)
                    .header(HttpHeaders.CACHE_CONTROL, cacheControl);
        }
        return HttpResponse.ok(text).contentType(MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl).header(HttpHeaders.VARY, "Accept-Encoding");
    }

    /** One token from the client address's bucket, or 429 with the seconds until the next one. */
    private void limit(HttpRequest<?> request) {
        String client = addresses.of(request);
        if (buckets.size() >= settings.maxClients() && !buckets.containsKey(client)) {
            buckets.clear(); // bounded memory: forgetting every bucket only ever lets clients through sooner
        }
        Bucket bucket = buckets.computeIfAbsent(client, key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(settings.requestsPerMinute())
                        .refillGreedy(settings.requestsPerMinute(), Duration.ofMinutes(1)).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
            throw new ApiException.TooManyAttempts("Too many requests; try again in " + seconds + " s.", seconds)
                    .withCode("openData.rateLimited");
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
