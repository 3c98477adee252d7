package org.nnlab.platform.account;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;

/** The answer to a request that the {@link LoginThrottle} refuses: 429, {@code Retry-After}, and how long to wait. */
final class Lockout {
    private static final int TOO_MANY_REQUESTS = 429;

    private Lockout() {
    }

    /**
     * Sets the status and {@code Retry-After} of a refused request.
     *
     * @param remaining how long the lock lasts
     * @param attempts  what failed too often, e.g. "logins"
     * @return what the user reads, e.g. "Too many failed logins: try again in 2 minutes."
     */
    static String refuse(HttpServletResponse response, Duration remaining, String attempts) {
        long minutes = Math.max(1, (remaining.toSeconds() + 59) / 60);
        response.setStatus(TOO_MANY_REQUESTS);
        response.setHeader("Retry-After", String.valueOf(remaining.toSeconds() + 1));
        return "Too many failed " + attempts + ": try again in " + minutes + " minute" + (minutes == 1 ? "" : "s")
                + ".";
    }
}
