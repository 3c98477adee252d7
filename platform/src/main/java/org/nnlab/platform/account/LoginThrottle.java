package org.nnlab.platform.account;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing. After {@value #ACCOUNT_FAILURES} failed logins to one account, or
 * {@value #ADDRESS_FAILURES} from one address, within {@link #WINDOW}, further attempts on it are refused without the
 * password being checked, for a lock that starts at {@link #FIRST_LOCK} and doubles with each lock that follows, up to
 * {@link #LONGEST_LOCK}. A successful login clears its account's record. A wrong current password on the account page
 * counts as a failed login too ({@link AccountServlet}). Kept in memory, per platform instance.
 */
@ApplicationScoped
public class LoginThrottle {
    /** Failed logins to one account within the window that lock it. */
    public static final int ACCOUNT_FAILURES = 5;
    /** Failed logins from one address within the window that lock it: high, as a whole class may share one address. */
    public static final int ADDRESS_FAILURES = 100;
    /** How far back failures count. */
    public static final Duration WINDOW = Duration.ofMinutes(15);
    /** The first lock. */
    public static final Duration FIRST_LOCK = Duration.ofMinutes(1);
    /** The longest lock. */
    public static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
    /** Records kept before the expired ones are dropped, which bounds the memory random user names can take. */
    private static final int PURGE_ABOVE = 10_000;

    private final Clock clock;
    private final Map<String, Failures> accounts = new ConcurrentHashMap<>();
    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();

    /** A throttle on the system clock. */
    public LoginThrottle() {
        this(Clock.systemUTC());
    }

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** @return how long until a login to {@code username} from {@code address} may be tried, if it is locked now */
    public Optional<Duration> lockedFor(String username, String address) {
        Instant now = clock.instant();
        Duration account = remaining(accounts.get(username), now);
        Duration from = remaining(addresses.get(address), now);
        Duration longest = account.compareTo(from) >= 0 ? account : from;
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    /** Counts a failed login. */
    public void failed(String username, String address) {
        Instant now = clock.instant();
        purgeIfLarge(now);
        accounts.computeIfAbsent(username, k -> new Failures()).add(now, ACCOUNT_FAILURES);
        addresses.computeIfAbsent(address, k -> new Failures()).add(now, ADDRESS_FAILURES);
    }

    /** Clears the account's failures after it logged in. */
    public void succeeded(String username) {
        accounts.remove(username);
    }

    private static Duration remaining(Failures failures, Instant now) {
        if (failures == null) {
            return Duration.ZERO;
        }
        Instant until = failures.lockedUntil();
        return until != null && until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
    }

    private void purgeIfLarge(Instant now) {
        for (Map<String, Failures> records : java.util.List.of(accounts, addresses)) {
            if (records.size() > PURGE_ABOVE) {
                records.values().removeIf(f -> f.expired(now));
            }
        }
    }

    /** One account's or address's failures within the window, and its lock. */
    private static final class Failures {
        private final Deque<Instant> times = new ArrayDeque<>();
        private Instant lockedUntil;
        private int locks;

        synchronized void add(Instant now, int limit) {
            times.removeIf(t -> !t.isAfter(now.minus(WINDOW)));
            times.addLast(now);
            if (times.size() >= limit) {
                Duration lock = FIRST_LOCK.multipliedBy(1L << Math.min(locks, 4));
                lockedUntil = now.plus(lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock);
                locks++;
                times.clear();
            }
        }

        synchronized Instant lockedUntil() {
            return lockedUntil;
        }

        synchronized boolean expired(Instant now) {
            return (lockedUntil == null || !lockedUntil.isAfter(now))
                    && times.stream().noneMatch(t -> t.isAfter(now.minus(WINDOW)));
        }
    }
}
