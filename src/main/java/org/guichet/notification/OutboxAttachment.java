package org.guichet.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A file sent with an outbox message: its bytes, or the recipe they are rendered from at delivery. */
@Entity
@Table(name = "outbox_attachments")
public class OutboxAttachment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "message_id")
    private OutboxMessage message;

    private String filename;

    private String contentType;

    @Column(columnDefinition = "bytea")
    private byte[] content;

    private String kind;

    private String parameters;

    protected OutboxAttachment() {
    }

    /** The parameters of a recipe as JSON; null for a ready file. */
    OutboxAttachment(OutboxMessage message, Attachment attachment, String parameters) {
        this.message = message;
        this.filename = attachment.filename();
        this.contentType = attachment.contentType();
        this.content = attachment.content();
        this.kind = attachment.kind();
        this.parameters = parameters;
    }

    public Long getId() {
        return id;
    }

    public String getFilename() {
        return filename;
    }

    public String getContentType() {
        return contentType;
    }

    /** The file's bytes; null until a recipe is rendered. */
    public byte[] getContent() {
        return content == null ? null : content.clone();
    }

    String getKind() {
        return kind;
    }

    String getParameters() {
        return parameters;
    }
}
