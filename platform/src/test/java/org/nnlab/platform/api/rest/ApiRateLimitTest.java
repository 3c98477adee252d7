package org.nnlab.platform.api.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ApiRateLimitTest {
    private final AtomicLong now = new AtomicLong(0);
    private final ApiRateLimit limit = new ApiRateLimit();

    ApiRateLimitTest() {
        limit.perMinute = 3;
        limit.clock = now::get;
    }

    @Test
    void aTokenMakesItsRequestsAMinuteThenWaitsUntilTheOldestIsAMinuteOld() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), limit.take("token"));
            now.addAndGet(Duration.ofSeconds(10).toNanos());
        }
        assertEquals(Optional.of(Duration.ofSeconds(30)), limit.take("token"));
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        assertEquals(Optional.empty(), limit.take("token"), "the first request is a minute old");
    }

    @Test
    void eachTokenHasALimitOfItsOwn() {
        for (int i = 0; i < 3; i++) {
            limit.take("busy");
        }
        assertTrue(limit.take("busy").isPresent());
        assertEquals(Optional.empty(), limit.take("quiet"));
    }

    @Test
    void aRefusedRequestDoesNotCount() {
        for (int i = 0; i < 5; i++) {
            limit.take("token");
        }
        now.addAndGet(Duration.ofMinutes(1).toNanos());
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), limit.take("token"), "request " + i + " of the next minute");
        }
    }
}
