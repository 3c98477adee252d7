package org.nnlab.platform.course;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nnlab.platform.account.Accounts;
import org.nnlab.platform.lab.LabCatalog;
import org.nnlab.platform.lab.LabSync;

/**
 * On the first run (no instructor account yet) seeds the {@link DemoCourse}; its accounts and passwords are logged
 * and written to {@code <data dir>/demo-accounts.txt} (readable by the owner only). When another platform instance
 * seeded the same database at the same moment, this one goes on with that instance's demo course.
 */
@ApplicationScoped
public class DemoSeeder {
    /** The demo course's code. */
    public static final String COURSE = "DL-101";
    private static final Logger LOG = Logger.getLogger(DemoSeeder.class.getName());

    @Inject
    Accounts accounts;

    @Inject
    DemoCourse demoCourse;

    @Inject
    LabCatalog catalog;

    @Inject
    @ConfigProperty(name = "nnlab.data.dir")
    String dataDirectory;

    void seed(@Observes @Priority(LabSync.PRIORITY + 1) @Initialized(ApplicationScoped.class) Object started)
            throws IOException {
        if (seeded()) {
            return;
        }
        String text;
        try {
            text = demoCourse.create();
        } catch (RuntimeException e) {
            if (!seeded()) {
                throw e;
            }
            LOG.info("Another platform instance seeded the demo course " + COURSE + " at the same moment; its "
                    + "accounts are in that instance's log.");
            return;
        }
        Path file = Path.of(dataDirectory).toAbsolutePath().resolve("demo-accounts.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        LOG.info("Seeded the demo course " + COURSE + " with " + catalog.latest().size() + " lab(s). " + text
                + "(also in " + file + ")");
    }

    private boolean seeded() {
        return accounts.byUsername("instructor").isPresent();
    }
}
