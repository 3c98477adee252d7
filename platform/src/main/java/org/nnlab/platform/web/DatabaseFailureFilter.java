package org.nnlab.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.transaction.xa.XAException;

/**
 * Answers a request that failed because the database could not be reached or written (it is down, or its disk is
 * full) with 503, {@code Retry-After} and a page that says so, instead of a server error. Every change the platform
 * makes is one transaction, so nothing of such a request was stored; the page shows the text fields a form sent, so
 * that nothing typed is lost either.
 */
@WebFilter("/*")
public class DatabaseFailureFilter extends HttpFilter {
    /** What the user reads. */
    public static final String MESSAGE = "The platform cannot reach or write its database at the moment, so nothing "
            + "you sent was stored. Please try again in a few minutes.";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(DatabaseFailureFilter.class.getName());
    private static final String RETRY_AFTER_SECONDS = "60";

    @Inject
    transient Pages pages;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (response.isCommitted() || !fromTheDatabase(e)) {
                throw e;
            }
            LOG.log(Level.WARNING, request.getMethod() + " " + request.getRequestURI() + " failed: the database is "
                    + "unavailable", e);
            response.reset();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            pages.render(request, response, "unavailable", Map.of("message", MESSAGE, "sent", sent(request)));
        }
    }

    /**
     * @return whether a failure came from the database: an {@link SQLException} among its causes, or a commit that
     *     failed ({@link XAException}: the database is the platform's only transactional resource, and the
     *     transaction manager keeps only the message of the {@link SQLException} that failed the commit, e.g. when
     *     the disk is full)
     */
    public static boolean fromTheDatabase(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException || cause instanceof XAException) {
                return true;
            }
        }
        return false;
    }

    /** @return the text fields a form sent, but its token */
    private static Map<String, String> sent(HttpServletRequest request) {
        Map<String, String> fields = new TreeMap<>();
        if ("POST".equals(request.getMethod())) {
            request.getParameterMap().forEach((name, values) -> {
                if (!name.equals("_csrf") && values.length > 0 && !values[0].isBlank()) {
                    fields.put(name, String.join("\n", values));
                }
            });
        }
        return fields;
    }
}
