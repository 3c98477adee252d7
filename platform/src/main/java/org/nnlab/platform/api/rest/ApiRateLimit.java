package org.nnlab.platform.api.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many requests a token may make a minute ({@code nnlab.api.requests.per.minute}), counted over the last 60
 * seconds on each platform instance. Submitting is limited by the lab's own rule on top, as on the web page.
 */
@ApplicationScoped
public class ApiRateLimit {
    private static final long WINDOW_NANOS = Duration.ofMinutes(1).toNanos();
    private final Map<String, Deque<Long>> requests = new ConcurrentHashMap<>();

    @Inject
    @ConfigProperty(name = "nnlab.api.requests.per.minute")
    int perMinute;

    LongSupplier clock = System::nanoTime;

    /**
     * Counts a request of a token.
     *
     * @return empty when it may go on; otherwise how long until the token may make one again
     */
    public Optional<Duration> take(String tokenId) {
        long now = clock.getAsLong();
        Deque<Long> times = requests.computeIfAbsent(tokenId, id -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && now - times.peekFirst() >= WINDOW_NANOS) {
                times.pollFirst();
            }
            if (times.size() >= perMinute) {
                return Optional.of(Duration.ofNanos(WINDOW_NANOS - (now - times.peekFirst())));
            }
            times.addLast(now);
            return Optional.empty();
        }
    }
}
