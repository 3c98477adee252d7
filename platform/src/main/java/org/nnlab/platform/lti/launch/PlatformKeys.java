package org.nnlab.platform.lti.launch;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The LMSs' JWK sets, fetched over HTTP and cached per URL for an hour; a key id the cached set lacks fetches the set
 * again, at most every {@link #REFETCH_PAUSE}.
 */
@ApplicationScoped
public class PlatformKeys {
    private static final Duration MAX_AGE = Duration.ofHours(1);
    private static final Duration REFETCH_PAUSE = Duration.ofSeconds(10);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final Map<String, Fetched> cache = new ConcurrentHashMap<>();

    private record Fetched(JWKSet keys, Instant at) {
    }

    /** @return the keys of the JWK set at that URL */
    public KeySource of(String jwksUrl) {
        return (kid, refresh) -> {
            Fetched fetched = cache.get(jwksUrl);
            Instant now = Instant.now();
            boolean stale = fetched == null || fetched.at().plus(MAX_AGE).isBefore(now)
                    || refresh && fetched.at().plus(REFETCH_PAUSE).isBefore(now);
            if (stale) {
                fetched = new Fetched(fetch(jwksUrl), now);
                cache.put(jwksUrl, fetched);
            }
            return Optional.ofNullable(fetched.keys().getKeyByKeyId(kid));
        };
    }

    private JWKSet fetch(String jwksUrl) {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(jwksUrl))
                    .timeout(Duration.ofSeconds(10)).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new LaunchRefused(401, "The LMS's key set at " + jwksUrl + " answered HTTP "
                        + response.statusCode() + ".");
            }
            return JWKSet.parse(response.body());
        } catch (IOException | ParseException | IllegalArgumentException e) {
            throw new LaunchRefused(401, "The LMS's key set at " + jwksUrl + " cannot be read: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchRefused(401, "Fetching the LMS's key set was interrupted.");
        }
    }
}
