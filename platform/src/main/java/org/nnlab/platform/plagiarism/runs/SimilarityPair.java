package org.nnlab.platform.plagiarism.runs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;
import org.nnlab.platform.plagiarism.detection.PairFinding;

/** Two students' submissions as a similarity run compared them; the matched lines are kept as JSON. */
@Entity
@Table(name = "SIMILARITY_PAIR")
public class SimilarityPair {
    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(optional = false)
    private SimilarityRun run;

    @Column(nullable = false, length = 64)
    private String studentA;

    @Column(nullable = false, length = 36)
    private String submissionA;

    @Column(nullable = false, length = 64)
    private String studentB;

    @Column(nullable = false, length = 36)
    private String submissionB;

    private double averageSimilarity;

    private double maxSimilarity;

    @Lob
    @Column(nullable = false)
    private String regionsJson;

    protected SimilarityPair() {
    }

    /**
     * @param run         the run that compared them
     * @param finding     what it found
     * @param regionsJson the matched lines, as {@link MatchedRegions} writes them
     */
    public SimilarityPair(SimilarityRun run, PairFinding finding, String regionsJson) {
        this.id = UUID.randomUUID().toString();
        this.run = run;
        this.studentA = finding.first().student();
        this.submissionA = finding.first().submissionId();
        this.studentB = finding.second().student();
        this.submissionB = finding.second().submissionId();
        this.averageSimilarity = finding.average();
        this.maxSimilarity = finding.maximum();
        this.regionsJson = regionsJson;
    }

    /** @return the id */
    public String getId() {
        return id;
    }

    /** @return the run */
    public SimilarityRun getRun() {
        return run;
    }

    /** @return the first student */
    public String getStudentA() {
        return studentA;
    }

    /** @return the first student's submission */
    public String getSubmissionA() {
        return submissionA;
    }

    /** @return the second student */
    public String getStudentB() {
        return studentB;
    }

    /** @return the second student's submission */
    public String getSubmissionB() {
        return submissionB;
    }

    /** @return the share of both submissions that matches, 0 to 1 */
    public double getAverageSimilarity() {
        return averageSimilarity;
    }

    /** @return the larger share of one submission that matches the other, 0 to 1 */
    public double getMaxSimilarity() {
        return maxSimilarity;
    }

    /** @return the average similarity in whole percent */
    public long getAveragePercent() {
        return Math.round(averageSimilarity * 100);
    }

    /** @return the maximum similarity in whole percent */
    public long getMaxPercent() {
        return Math.round(maxSimilarity * 100);
    }

    /** @return the matched lines as JSON */
    public String getRegionsJson() {
        return regionsJson;
    }
}
