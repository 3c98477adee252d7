package org.nnlab.platform.lab;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;

/**
 * The files of a lab revision as a zip ({@link org.nnlab.worker.lab.LabStore#zip}), kept in the database so that
 * every platform instance and worker, on whatever machine, can unpack the revision into its own data folder. Kept
 * apart from {@link LabRevision}, which every page reads, so that the files are read only when an instance loads the
 * revision. Standalone workers read it over JDBC ({@link org.nnlab.worker.StoredLabRevisions}).
 */
@Entity
public class RevisionArchive {
    @Id
    @Column(length = 36)
    private String revisionId;

    @Lob
    @Column(nullable = false)
    private byte[] zip;

    protected RevisionArchive() {
    }

    /**
     * @param revisionId the revision's id
     * @param zip        its files
     */
    public RevisionArchive(String revisionId, byte[] zip) {
        this.revisionId = revisionId;
        this.zip = zip;
    }

    /** @return the revision's id */
    public String getRevisionId() {
        return revisionId;
    }

    /** @return the revision's files as a zip */
    public byte[] getZip() {
        return zip;
    }
}
