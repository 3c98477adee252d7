package org.nnlab.platform.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A session that logged out, known by the SHA-256 of its id (the id itself, a credential, is never stored). */
@Entity
@Table(indexes = @Index(name = "endedsession_endedat", columnList = "endedAt"))
public class EndedSession {
    @Id
    @Column(length = 64)
    private String idHash;

    @Column(nullable = false)
    private LocalDateTime endedAt;

    protected EndedSession() {
    }

    EndedSession(String idHash, LocalDateTime endedAt) {
        this.idHash = idHash;
        this.endedAt = endedAt;
    }
}
