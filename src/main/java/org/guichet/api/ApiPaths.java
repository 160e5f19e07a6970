package org.guichet.api;

/** Where the API lives. */
public final class ApiPaths {

    public static final String V1 = "/api/v1";
    public static final String OPENAPI_DOCUMENT = V1 + "/openapi.json";
    public static final String DOCS = "/api/docs";

    private ApiPaths() {
    }
}
