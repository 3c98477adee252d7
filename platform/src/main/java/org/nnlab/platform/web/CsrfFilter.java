package org.nnlab.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.nnlab.platform.api.token.BearerAuthentication;

/**
 * Refuses a state-changing request (POST) whose {@code _csrf} token, in the query or the form, is not the one of
 * the session; a form too large to be read and without the token in its query gets 413. The REST API's requests
 * carry a token instead of a session, which no other site can make a browser send ({@link BearerAuthentication});
 * LTI's login initiation and launch, posted by an LMS, are checked by their single-use state instead.
 */
@WebFilter("/*")
public class CsrfFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final String ATTRIBUTE = "nnlab.csrf";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** LTI's cross-site form posts from an LMS, which carry a single-use state of their own instead. */
    private static final java.util.Set<String> CROSS_SITE = java.util.Set.of("/lti/login", "/lti/launch");

    /** @return the session's token, made on first use */
    public static String token(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        String token = (String) session.getAttribute(ATTRIBUTE);
        if (token == null) {
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            token = HexFormat.of().formatHex(bytes);
            session.setAttribute(ATTRIBUTE, token);
        }
        return token;
    }

    /**
     * The token from the query string, where the platform's forms also put it: read without the body, so that a form
     * too large to be read still reaches its servlet, which tells the user so and keeps what it can.
     */
    private static Optional<String> token(String query) {
        if (query == null) {
            return Optional.empty();
        }
        return Arrays.stream(query.split("&")).filter(pair -> pair.startsWith("_csrf="))
                .map(pair -> pair.substring("_csrf=".length())).findFirst();
    }

    private static boolean crossSite(String servletPath) {
        return servletPath != null && CROSS_SITE.contains(servletPath);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("POST".equals(request.getMethod()) && !BearerAuthentication.isApiRequest(request)
                && !crossSite(request.getServletPath())) {
            HttpSession session = request.getSession(false);
            String expected = session == null ? null : (String) session.getAttribute(ATTRIBUTE);
            String given;
            try {
                given = token(request.getQueryString()).orElseGet(() -> request.getParameter("_csrf"));
            } catch (IllegalStateException e) { // a multipart form beyond its servlet's limits
                request.getInputStream().transferTo(OutputStream.nullOutputStream());
                response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "The form is too large to be "
                        + "read.");
                return;
            }
            if (expected == null || given == null || !MessageDigest.isEqual(
                    expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII))) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN, "The form has expired: reload the page and "
                        + "send it again.");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
