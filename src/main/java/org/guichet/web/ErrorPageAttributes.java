package org.guichet.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.guichet.media.MediaSettings;
import org.guichet.shared.Refusal;
import org.guichet.shared.Refusals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * What error pages may show: status and request id, never an exception's message or trace. A request over the
 * upload cap (413, answered by the server before any page sees it) also gets the picture limit in words and a way
 * back to the page it came from, and is logged in one line.
 */
@Component
class ErrorPageAttributes extends DefaultErrorAttributes {

    private static final Logger log = LoggerFactory.getLogger(ErrorPageAttributes.class);

    private final MediaSettings media;

    ErrorPageAttributes(MediaSettings media) {
        this.media = media;
    }

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, ErrorAttributeOptions.defaults());
        attributes.remove("message");
        attributes.remove("exception");
        attributes.remove("trace");
        attributes.remove("errors");
        attributes.put("requestId", request.getAttribute(RequestIdFilter.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
        if (Integer.valueOf(HttpStatus.PAYLOAD_TOO_LARGE.value()).equals(attributes.get("status"))) {
            log.warn("Refused an upload to {}: over the request cap", attributes.get("path"));
            attributes.put(Refusals.ATTRIBUTE, List.of(new Refusal.Reason(null, "media.upload.tooLarge",
                    media.maxUploadMegabytes())));
            attributes.put("back", LocalRedirects.safe(pathOf(request.getHeader(HttpHeaders.REFERER))));
        }
        return attributes;
    }

    /** The referring page's path and query on this site, never another site's address. */
    private static String pathOf(String referer) {
        if (referer == null) {
            return "/";
        }
        try {
            URI uri = URI.create(referer);
            return uri.getRawPath() == null ? "/"
                    : uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException malformed) {
            return "/";
        }
    }
}
