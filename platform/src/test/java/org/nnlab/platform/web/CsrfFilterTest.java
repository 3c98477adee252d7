package org.nnlab.platform.web;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.junit.jupiter.api.Test;

class CsrfFilterTest {
    private final HttpServletRequest request = mock(HttpServletRequest.class);
    private final HttpServletResponse response = mock(HttpServletResponse.class);
    private final HttpSession session = mock(HttpSession.class);
    private final FilterChain chain = mock(FilterChain.class);
    private final CsrfFilter filter = new CsrfFilter();

    @Test
    void aPostWithTheSessionsTokenPasses() throws Exception {
        post("abc123", "abc123");

        filter.doFilter(request, response, chain);

        verify(chain).doFilter(request, response);
    }

    @Test
    void aPostWithAnotherTokenIsForbidden() throws Exception {
        post("abc123", "evil00");

        filter.doFilter(request, response, chain);

        verify(response).sendError(eq(HttpServletResponse.SC_FORBIDDEN), anyString());
        verify(chain, never()).doFilter(request, response);
    }

    @Test
    void aPostWithoutSessionIsForbidden() throws Exception {
        when(request.getMethod()).thenReturn("POST");
        when(request.getParameter("_csrf")).thenReturn("abc123");

        filter.doFilter(request, response, chain);

        verify(response).sendError(eq(HttpServletResponse.SC_FORBIDDEN), anyString());
    }

    @Test
    void theTokenInTheQueryIsCheckedWithoutReadingTheForm() throws Exception {
        post("abc123", null);
        when(request.getQueryString()).thenReturn("x=1&_csrf=abc123");
        when(request.getParameter("_csrf")).thenThrow(new IllegalStateException("the form is too large"));

        filter.doFilter(request, response, chain);

        verify(chain).doFilter(request, response);
    }

    @Test
    void aFormTooLargeToReadWithoutTheTokenInItsQueryIsRefusedAsTooLarge() throws Exception {
        post("abc123", null);
        when(request.getParameter("_csrf")).thenThrow(new IllegalStateException("the form is too large"));
        when(request.getInputStream()).thenReturn(new Body(new byte[1000]));

        filter.doFilter(request, response, chain);

        verify(response).sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "The form is too large to be "
                + "read.");
        verify(chain, never()).doFilter(request, response);
    }

    @Test
    void anLmsPostingAnLtiLaunchNeedsNoToken() throws Exception {
        when(request.getMethod()).thenReturn("POST");
        when(request.getServletPath()).thenReturn("/lti/launch");

        filter.doFilter(request, response, chain);

        verify(chain).doFilter(request, response);
    }

    @Test
    void aGetNeedsNoToken() throws Exception {
        when(request.getMethod()).thenReturn("GET");

        filter.doFilter(request, response, chain);

        verify(chain).doFilter(request, response);
    }

    /** A request body of the given bytes. */
    private static final class Body extends jakarta.servlet.ServletInputStream {
        private final java.io.ByteArrayInputStream bytes;

        Body(byte[] content) {
            bytes = new java.io.ByteArrayInputStream(content);
        }

        @Override
        public int read() {
            return bytes.read();
        }

        @Override
        public boolean isFinished() {
            return bytes.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(jakarta.servlet.ReadListener listener) {
            throw new UnsupportedOperationException("blocking reads only");
        }
    }

    private void post(String expected, String given) {
        when(request.getMethod()).thenReturn("POST");
        when(request.getSession(false)).thenReturn(session);
        when(session.getAttribute("nnlab.csrf")).thenReturn(expected);
        when(request.getParameter("_csrf")).thenReturn(given);
    }
}
