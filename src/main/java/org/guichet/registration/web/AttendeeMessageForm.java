package org.guichet.registration.web;

import org.guichet.registration.MessageAudience;

/** A message to an event's attendees as typed: its audience ({@link MessageAudience#value()}), subject and text. */
public class AttendeeMessageForm {

    private String audience = MessageAudience.ALL.value();
    private String subject;
    private String text;

    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = audience;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
