package org.nnlab.platform.api.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The REST API at {@code /api/v1}; its OpenAPI description is served at {@code /openapi}. */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(info = @Info(title = "nnlab", version = "1", description = "Labs, submissions, results and "
        + "gradebooks of the nnlab platform. Every request carries a personal access token, made on the account "
        + "page, as 'Authorization: Bearer nnlab_...'; each token has scopes, and a limit of requests a minute."),
        security = @SecurityRequirement(name = ApiApplication.TOKEN))
@SecurityScheme(securitySchemeName = ApiApplication.TOKEN, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "A personal access token (nnlab_...) with the scopes the operation names")
public class ApiApplication extends Application {
    /** The name of the API's security scheme. */
    static final String TOKEN = "token";
}
