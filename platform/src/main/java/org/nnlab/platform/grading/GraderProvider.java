package org.nnlab.platform.grading;

import jakarta.enterprise.context.ApplicationScoped;
import org.nnlab.grader.Grader;
import org.nnlab.grader.check.CheckCatalog;
import org.nnlab.grader.lab.LabLoader;
import org.nnlab.grader.sandbox.BubblewrapSandbox;

/**
 * The platform's one grader: student code runs only in the bubblewrap sandbox, in child processes; this JVM never
 * loads ND4J or a student class. The grader's installation is found through {@code nnlab.grader.home}.
 */
@ApplicationScoped
public class GraderProvider {
    private Grader grader;

    /** @return the grader, made on first use */
    public synchronized Grader grader() {
        if (grader == null) {
            grader = Grader.standard(new BubblewrapSandbox());
        }
        return grader;
    }

    /** @return the check types lab files may use */
    public CheckCatalog checkCatalog() {
        return grader().checkCatalog();
    }

    /** @return a lab loader that validates checks against the grader's catalogue */
    public LabLoader labLoader() {
        return grader().labLoader();
    }
}
