package org.nnlab.platform.lti.key;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** The tool's RSA key pair as the database keeps it: one row, the private JWK as JSON. */
@Entity
@Table(name = "LTI_TOOL_KEY")
public class ToolKeyRecord {
    /** The id of the one row. */
    static final String ID = "tool";

    @Id
    @Column(length = 16)
    private String id;

    @Lob
    @Column(nullable = false)
    private String jwkJson;

    protected ToolKeyRecord() {
    }

    /** @param jwkJson the key pair as a JWK (JSON), private part included */
    ToolKeyRecord(String jwkJson) {
        this.id = ID;
        this.jwkJson = jwkJson;
    }

    /** @return the key pair as a JWK (JSON) */
    String getJwkJson() {
        return jwkJson;
    }
}
