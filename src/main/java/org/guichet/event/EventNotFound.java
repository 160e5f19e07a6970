package org.guichet.event;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such event, or one this user may not know exists: the same 404 either way. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class EventNotFound extends RuntimeException {

    public EventNotFound(long eventId) {
        super("Event " + eventId + " not found");
    }
}
