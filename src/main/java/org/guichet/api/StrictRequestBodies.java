package org.guichet.api;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's request bodies (records of this package) refuse a field they do not know, so a misspelt field is an
 * error rather than silently dropped (400 {@code unknown-field}). Only they: everything else (the mails stored as
 * JSON, the gateways' notices) reads as before.
 */
@Configuration(proxyBeanMethods = false)
class StrictRequestBodies implements WebMvcConfigurer {

    private final JsonMapper json;

    StrictRequestBodies(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
        converters.addCustomConverter(new StrictConverter(json.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()));
    }

    /** Reads the API's own request records, writes nothing (answers go through the usual converter). */
    static final class StrictConverter extends JacksonJsonHttpMessageConverter {

        StrictConverter(JsonMapper strict) {
            super(strict);
        }

        @Override
        public boolean canRead(ResolvableType type, MediaType mediaType) {
            Class<?> read = type.resolve();
            return read != null && read.getPackageName().startsWith(ApiPaths.class.getPackageName())
                    && super.canRead(type, mediaType);
        }

        @Override
        public boolean canWrite(ResolvableType type, Class<?> valueClass, MediaType mediaType) {
            return false;
        }

        @Override
        public boolean canWrite(Class<?> clazz, MediaType mediaType) {
            return false;
        }
    }
}
