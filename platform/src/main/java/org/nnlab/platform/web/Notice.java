package org.nnlab.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** A one-line message for the next page a user sees, e.g. after a form's redirect: shown once, then gone. */
public final class Notice {
    private static final String ATTRIBUTE = "notice";

    private Notice() {
    }

    /** Keeps {@code text} in the user's session for the next page. */
    public static void set(HttpServletRequest request, String text) {
        request.getSession().setAttribute(ATTRIBUTE, text);
    }

    /** @return the message left for this page, or null; it is removed from the session */
    public static String take(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Object text = session.getAttribute(ATTRIBUTE);
        session.removeAttribute(ATTRIBUTE);
        return text == null ? null : text.toString();
    }
}
