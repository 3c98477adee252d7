package org.nnlab.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/** Renders the Thymeleaf templates of the top-level {@code templates/} folder (packaged as {@code templates/}). */
@ApplicationScoped
public class Pages {
    private final TemplateEngine engine = new TemplateEngine();

    /** Sets up the engine with classpath templates, cached. */
    public Pages() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(Pages.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
    }

    /**
     * Renders a page with the model, plus {@code user} (the login name, or null) and {@code csrf} (the form token).
     *
     * @param template the template's name, e.g. {@code dashboard}
     * @param model    the page's variables
     */
    public void render(HttpServletRequest request, HttpServletResponse response, String template,
                       Map<String, ?> model) throws IOException {
        JakartaServletWebApplication application = JakartaServletWebApplication.buildApplication(
                request.getServletContext());
        WebContext context = new WebContext(application.buildExchange(request, response), request.getLocale());
        model.forEach(context::setVariable);
        context.setVariable("user", request.getRemoteUser());
        context.setVariable("instructor", request.isUserInRole("instructor"));
        context.setVariable("csrf", CsrfFilter.token(request));
        context.setVariable("contextPath", request.getContextPath());
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; "
                + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        engine.process(template, context, response.getWriter());
    }
}
