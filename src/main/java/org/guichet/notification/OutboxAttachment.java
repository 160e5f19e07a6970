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

    protected OutboxAttachment() {
    }

    OutboxAttachment(OutboxMessage message, Attachment attachment) {
        this.message = message;
        this.filename = attachment.filename();
        this.contentType = attachment.contentType();
        this.content = attachment.content();
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

    public byte[] getContent() {
        return content.clone();
    }
}
