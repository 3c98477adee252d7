package org.nnlab.platform.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void fiveFailuresLockTheAccountForAMinute() {
        fail("kim", "10.0.0.1", 4);
        assertEquals(Optional.empty(), throttle.lockedFor("kim", "10.0.0.1"));

        fail("kim", "10.0.0.2", 1);

        assertEquals(Optional.of(Duration.ofMinutes(1)), throttle.lockedFor("kim", "10.0.0.3"), "from any address");
        assertEquals(Optional.empty(), throttle.lockedFor("lee", "10.0.0.3"), "another account is not locked");
        clock.advance(Duration.ofSeconds(61));
        assertEquals(Optional.empty(), throttle.lockedFor("kim", "10.0.0.1"));
    }

    @Test
    void eachFurtherLockDoublesUpToFifteenMinutes() {
        Duration[] expected = {Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
            Duration.ofMinutes(8), Duration.ofMinutes(15), Duration.ofMinutes(15)};
        for (Duration lock : expected) {
            fail("kim", "10.0.0." + lock.toMinutes(), LoginThrottle.ACCOUNT_FAILURES);
            assertEquals(Optional.of(lock), throttle.lockedFor("kim", "10.0.0.9"));
            clock.advance(lock);
        }
    }

    @Test
    void failuresOlderThanTheWindowDoNotCount() {
        fail("kim", "10.0.0.1", 4);
        clock.advance(LoginThrottle.WINDOW);

        fail("kim", "10.0.0.1", 1);

        assertEquals(Optional.empty(), throttle.lockedFor("kim", "10.0.0.1"));
    }

    @Test
    void aSuccessfulLoginClearsTheAccountsFailures() {
        fail("kim", "10.0.0.1", 4);
        throttle.succeeded("kim");

        fail("kim", "10.0.0.1", 1);

        assertEquals(Optional.empty(), throttle.lockedFor("kim", "10.0.0.1"));
    }

    @Test
    void manyAccountsGuessedFromOneAddressLockTheAddress() {
        for (int i = 0; i < LoginThrottle.ADDRESS_FAILURES; i++) {
            fail("user" + i, "10.0.0.66", 1);
        }

        assertTrue(throttle.lockedFor("somebody", "10.0.0.66").isPresent());
        assertEquals(Optional.empty(), throttle.lockedFor("somebody", "10.0.0.67"));
    }

    private void fail(String username, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(username, address);
        }
    }

    /** A clock the test moves forward. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-23T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
