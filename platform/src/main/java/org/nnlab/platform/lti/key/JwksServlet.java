package org.nnlab.platform.lti.key;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /lti/jwks}: the tool's public key as a JWK set, for LMSs to verify what the tool signs. */
@WebServlet("/lti/jwks")
public class JwksServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient ToolKeys keys;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "public, max-age=300");
        response.getWriter().write(keys.publicKeys().toString(true));
    }
}
