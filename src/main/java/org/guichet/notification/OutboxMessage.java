package org.guichet.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.CascadeType;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.guichet.shared.Refusal;

/**
 * An email waiting to go out, or a record of one that went. It is written with what to render (template, language,
 * variables, attachment recipes); its subject, bodies and attachments' bytes are filled in once, at its first
 * delivery attempt, and every later attempt sends those.
 */
@Entity
@Table(name = "outbox_messages")
public class OutboxMessage {

    private static final int MAX_ERROR_LENGTH = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String recipient;

    private String subject;

    private String htmlBody;

    private String textBody;

    private String template;

    private String locale;

    private String variables;

    private String subjectArguments;

    private Instant renderedAt;

    @Enumerated(EnumType.STRING)
    private OutboxStatus status;

    private int attempts;

    private Instant nextAttemptAt;

    private Instant claimedAt;

    private String lastError;

    private Instant createdAt;

    private Instant sentAt;

    @Enumerated(EnumType.STRING)
    private MailKind kind = MailKind.TRANSACTIONAL;

    private String senderName;

    private String replyTo;

    @Enumerated(EnumType.STRING)
    private FailedBecause failedBecause;

    private Instant failedAt;

    @OneToMany(mappedBy = "message", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<OutboxAttachment> attachments = new ArrayList<>();

    protected OutboxMessage() {
    }

    /** A mail to render at delivery: its variables and subject arguments as JSON. */
    OutboxMessage(String recipient, String template, Locale locale, String variables, String subjectArguments,
            Instant now) {
        this.recipient = recipient;
        this.template = template;
        this.locale = locale.toLanguageTag();
        this.variables = variables;
        this.subjectArguments = subjectArguments;
        this.status = OutboxStatus.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    void sendAs(MailKind kind, String senderName, String replyTo) {
        this.kind = kind;
        this.senderName = senderName;
        this.replyTo = replyTo;
    }

    void attach(Attachment attachment, String parameters) {
        attachments.add(new OutboxAttachment(this, attachment, parameters));
    }

    /** Whether the subject, bodies and every attachment's bytes are stored. */
    public boolean isRendered() {
        return renderedAt != null;
    }

    public List<OutboxAttachment> getAttachments() {
        return List.copyOf(attachments);
    }

    void sent(Instant now) {
        status = OutboxStatus.SENT;
        attempts++;
        sentAt = now;
        claimedAt = null;
        lastError = null;
    }

    /** An attempt failed for a reason that may pass: tried again after the back-off, or given up after the last. */
    void failed(String error, Instant now, RetrySchedule schedule) {
        attempts++;
        claimedAt = null;
        lastError = shortened(error);
        if (schedule.givesUpAfter(attempts)) {
            giveUp(FailedBecause.GAVE_UP, now);
        } else {
            status = OutboxStatus.RETRY;
            nextAttemptAt = now.plus(schedule.delayAfter(attempts));
        }
    }

    /** The recipient's server refused it for good (its reply kept): no other attempt. */
    void rejected(String reply, Instant now) {
        attempts++;
        claimedAt = null;
        lastError = shortened(reply);
        giveUp(FailedBecause.REJECTED, now);
    }

    /** Not attempted: a mail its recipient may switch off, to an address that is failing (why it fails kept). */
    void withheld(String reasonTheAddressFails, Instant now) {
        if (!kind.canUnsubscribe()) {
            throw new IllegalStateException("a transactional mail is always attempted");
        }
        claimedAt = null;
        lastError = shortened(reasonTheAddressFails);
        giveUp(FailedBecause.ADDRESS_FAILING, now);
    }

    /** Only a failed mail is tried again, as a new one: due now, with every attempt of the back-off before it. */
    void retry(Instant now) {
        if (!canRetry()) {
            throw new Refusal("mail.admin.error.notFailed");
        }
        status = OutboxStatus.PENDING;
        attempts = 0;
        nextAttemptAt = now;
        failedBecause = null;
        failedAt = null;
    }

    public boolean canRetry() {
        return status == OutboxStatus.FAILED;
    }

    private void giveUp(FailedBecause because, Instant now) {
        status = OutboxStatus.FAILED;
        failedBecause = because;
        failedAt = now;
    }

    private static String shortened(String error) {
        return error == null ? "unknown error" : error.substring(0, Math.min(error.length(), MAX_ERROR_LENGTH));
    }

    public Long getId() {
        return id;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getHtmlBody() {
        return htmlBody;
    }

    public String getTextBody() {
        return textBody;
    }

    public String getTemplate() {
        return template;
    }

    public Locale getLocale() {
        return Locale.forLanguageTag(locale);
    }

    String getVariables() {
        return variables;
    }

    String getSubjectArguments() {
        return subjectArguments;
    }

    public Instant getRenderedAt() {
        return renderedAt;
    }

    public OutboxStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public MailKind getKind() {
        return kind;
    }

    public String getSenderName() {
        return senderName;
    }

    public String getReplyTo() {
        return replyTo;
    }

    public FailedBecause getFailedBecause() {
        return failedBecause;
    }

    public Instant getFailedAt() {
        return failedAt;
    }
}
