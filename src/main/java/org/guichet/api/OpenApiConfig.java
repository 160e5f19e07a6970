package org.guichet.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3.1 document springdoc generates from the API's controllers ({@code springdoc.*} settings:
 * {@code /api/v1/openapi.json}, Swagger UI at {@code /api/docs}, only {@code /api/v1/**}). Every operation needs a
 * bearer token unless it says otherwise ({@code security = {}} on the sign-in operations).
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info = @Info(title = "Guichet API", version = "1",
                description = "Events, tickets, orders and check-in. Sign in with POST /api/v1/auth/token, then send "
                        + "'Authorization: Bearer <access_token>' (or an organizer's personal token, gch_...). Errors "
                        + "are application/problem+json (RFC 9457); lists are {content, page}."),
        security = @SecurityRequirement(name = OpenApiConfig.BEARER))
@SecurityScheme(name = OpenApiConfig.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT access token, or personal token gch_...")
class OpenApiConfig {

    static final String BEARER = "bearer";
}
