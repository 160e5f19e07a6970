package org.guichet.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A request past the multipart parser's absolute cap ({@code spring.servlet.multipart.*}) never reaches a
 * controller, so its form cannot be shown again. Most are answered 413 by the server itself while the CSRF check
 * reads the form; one the dispatcher parses first ends here the same way, so both get the one 413 page
 * ({@link ErrorPageAttributes}: the picture limit in words and a way back). A picture between the picture limit
 * and that cap does reach its form, which refuses it beside its field and keeps everything typed.
 */
@ControllerAdvice
class UploadTooLargeAdvice {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    void tooLarge(HttpServletResponse response) throws IOException {
        response.sendError(HttpStatus.PAYLOAD_TOO_LARGE.value());
    }
}
