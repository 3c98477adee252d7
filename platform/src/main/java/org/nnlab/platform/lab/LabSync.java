package org.nnlab.platform.lab;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.nnlab.grader.lab.LabException;
import org.nnlab.platform.web.DatabaseFailureFilter;

/**
 * Syncs the labs folder into the catalog when the application starts, before the demo course is seeded: a lab whose
 * files changed becomes a new revision and is self-tested; an invalid one is left out, its problem kept for
 * instructors. Instances that start together on one database each sync the same folder: the revision one stores is
 * the revision the others find.
 */
@ApplicationScoped
public class LabSync {
    private static final Logger LOG = Logger.getLogger(LabSync.class.getName());

    /** Observers with a lower priority run first; the demo seeder runs after this. */
    public static final int PRIORITY = 100;

    @Inject
    LabCatalog catalog;

    void sync(@Observes @Priority(PRIORITY) @Initialized(ApplicationScoped.class) Object started) {
        Path root = catalog.labsFolder();
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.filter(f -> Files.isRegularFile(f.resolve("lab.yaml"))).sorted().toList()) {
                try {
                    add(folder);
                } catch (LabException e) {
                    catalog.problem(e.getMessage());
                    LOG.warning("lab left out: " + e.getMessage());
                } catch (IOException | RuntimeException e) {
                    catalog.problem(folder + ": cannot be stored: " + e.getMessage());
                    LOG.log(Level.WARNING, "lab left out: " + folder, e);
                }
            }
        } catch (IOException e) {
            catalog.problem("cannot read the labs folder " + root + ": " + e.getMessage());
            LOG.severe("cannot read the labs folder " + root + ": " + e.getMessage());
        }
        LOG.info("lab catalog: " + catalog.latest().stream().map(l -> l.id() + " revision " + l.version()).toList()
                + " from " + root);
    }

    /**
     * Adds a lab folder to the catalog. Another platform instance starting at the same moment may store the same
     * revision first: the database then refuses this one's, with all of its self-test, and adding the folder again
     * finds the other instance's revision.
     */
    private void add(Path folder) throws IOException {
        try {
            catalog.add(folder, "labs folder");
        } catch (RuntimeException e) {
            if (!DatabaseFailureFilter.fromTheDatabase(e)) {
                throw e;
            }
            LOG.info(folder + ": the database refused its revision (" + e.getMessage() + "); another instance may "
                    + "have stored it at the same moment, so it is added again");
            catalog.add(folder, "labs folder");
        }
    }
}
