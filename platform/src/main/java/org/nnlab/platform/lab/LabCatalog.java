package org.nnlab.platform.lab;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nnlab.grader.lab.Lab;
import org.nnlab.grader.lab.LabException;
import org.nnlab.platform.grading.GraderProvider;
import org.nnlab.worker.lab.LabStore;

/**
 * The labs, as revisions the platform stores in its database; each instance unpacks the revisions it uses into
 * {@code <data dir>/labs/}. At start the labs folder ({@code nnlab.labs.dir}) is synced: a lab folder whose files
 * changed becomes a new revision. Instructors add revisions by uploading a lab zip. Every revision is validated by the
 * grader's lab loader (an invalid one is refused with file and field named) and self-tested through the grading queue;
 * students see the newest revision that passed, and each submission is graded against the revision it recorded.
 */
@ApplicationScoped
public class LabCatalog {
    /** How long this instance trusts what it found published, before asking the database again. */
    private static final long PUBLISHED_FOR_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
    private final Map<String, Lab> loaded = new ConcurrentHashMap<>();
    private final Map<String, Published> published = new ConcurrentHashMap<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();

    @PersistenceContext(unitName = "nnlab")
    EntityManager entityManager;

    @Inject
    @ConfigProperty(name = "nnlab.labs.dir")
    String labsDirectory;

    @Inject
    @ConfigProperty(name = "nnlab.data.dir")
    String dataDirectory;

    @Inject
    GraderProvider graders;

    @Inject
    SelfTests selfTests;

    /** Records why a lab of the labs folder was left out at start. */
    void problem(String problem) {
        problems.add(problem);
    }

    /** @return the labs folder, synced at start */
    Path labsFolder() {
        return Path.of(labsDirectory).toAbsolutePath().normalize();
    }

    /**
     * Validates a lab folder and, when its files differ from the lab's newest revision, stores it as a new revision
     * and queues its self-test.
     *
     * @return the revision that holds these files, new or not
     * @throws LabException when the lab is invalid, naming file and field
     */
    @Transactional
    public LabRevision add(Path folder, String by) throws IOException {
        Lab lab = graders.labLoader().load(folder);
        String sha256 = LabStore.checksum(folder);
        Optional<LabRevision> newest = revisions(lab.id()).stream().findFirst();
        if (newest.isPresent() && newest.get().getSha256().equals(sha256)) {
            return newest.get();
        }
        int number = newest.map(r -> r.getRevision() + 1).orElse(1);
        LabRevision revision = new LabRevision(lab.id(), number, sha256, store().folder(lab.id(), number).toString(),
                LocalDateTime.now(Clock.systemUTC()), by);
        entityManager.persist(revision);
        entityManager.persist(new RevisionArchive(revision.getId(), LabStore.zip(folder)));
        entityManager.flush();
        published.remove(lab.id());
        selfTests.start(revision, load(revision));
        return revision;
    }

    /**
     * The lab students see: its newest revision that passed its self-test. Every page asks for it, so what was found
     * is kept for a few seconds, unless a newer revision is still being tested; another platform instance's new
     * revision shows here within that time.
     */
    public Optional<Lab> lab(String id) {
        Published known = published.get(id);
        if (known != null && System.nanoTime() - known.until() < 0) {
            return known.revision().map(this::load);
        }
        boolean testing = false;
        Optional<LabRevision> found = Optional.empty();
        for (LabRevision revision : revisions(id)) {
            LabRevision.State state = state(revision);
            if (state == LabRevision.State.PASSED) {
                found = Optional.of(revision);
                break;
            }
            testing |= state == LabRevision.State.TESTING;
        }
        if (testing) {
            published.remove(id);
        } else {
            published.put(id, new Published(found, System.nanoTime() + PUBLISHED_FOR_NANOS));
        }
        return found.map(this::load);
    }

    /** What {@link #lab} found for a lab id, and until when to trust it. */
    private record Published(Optional<LabRevision> revision, long until) {
    }

    /**
     * In a transaction of its own, since grading workers call it on threads of their own: outside a transaction
     * such a thread shares the non-transactional entity manager of the application's start, which Payara closes
     * once the start is done, under a worker that was reading with it (seen as a self-test failing at start).
     *
     * @return one revision of a lab, e.g. the one a submission recorded
     */
    @Transactional
    public Optional<Lab> revision(String id, int number) {
        return revisions(id).stream().filter(r -> r.getRevision() == number).findFirst().map(this::load);
    }

    /** @return every lab students can see */
    public List<Lab> all() {
        return labIds().stream().map(this::lab).flatMap(Optional::stream).toList();
    }

    /** @return the newest revision of every lab, published or not, for instructors */
    public List<Lab> latest() {
        return labIds().stream().map(id -> load(revisions(id).get(0))).toList();
    }

    /** @return the newest revision of a lab, published or not */
    public Optional<Lab> latest(String id) {
        return revisions(id).stream().findFirst().map(this::load);
    }

    /** @return every revision of every lab, each lab's newest first, with its self-test brought up to date */
    public Map<String, List<LabRevision>> revisions() {
        Map<String, List<LabRevision>> all = new LinkedHashMap<>();
        for (String id : labIds()) {
            List<LabRevision> mine = new ArrayList<>();
            for (LabRevision revision : revisions(id)) {
                state(revision);
                mine.add(entityManager.find(LabRevision.class, revision.getId()));
            }
            all.put(id, mine);
        }
        return all;
    }

    /** @return why labs of the labs folder were left out at start */
    public List<String> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** @return the text of a file of a lab folder, e.g. its instructions or a starter source */
    public String read(Lab lab, String relative) {
        Path file = lab.directory().resolve(relative).normalize();
        if (!file.startsWith(lab.directory())) {
            throw new IllegalArgumentException("outside the lab folder: " + relative);
        }
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** @return the starter sources of a lab, by file name */
    public Map<String, String> starterSources(Lab lab) {
        Map<String, String> sources = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(lab.starterDirectory())) {
            files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> sources.put(
                    lab.starterDirectory().relativize(f).toString(), read(lab, lab.directory().relativize(f)
                            .toString())));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the starter of " + lab.id() + ": " + e.getMessage(), e);
        }
        return sources;
    }

    private LabRevision.State state(LabRevision revision) {
        if (revision.getState() != LabRevision.State.TESTING) {
            return revision.getState();
        }
        return selfTests.refresh(revision.getId(), load(revision));
    }

    private List<String> labIds() {
        return entityManager.createQuery("SELECT DISTINCT r.labId FROM LabRevision r ORDER BY r.labId", String.class)
                .getResultList();
    }

    private List<LabRevision> revisions(String id) {
        return entityManager.createQuery("SELECT r FROM LabRevision r WHERE r.labId = :id ORDER BY r.revision DESC",
                LabRevision.class).setParameter("id", id).getResultList();
    }

    /**
     * @return the revision's lab, loaded once, and again should its folder be gone (this instance's data folder is a
     *     cache of what the database keeps); its version is the revision number
     */
    private Lab load(LabRevision revision) {
        return loaded.compute(revision.getLabId() + "#" + revision.getRevision(), (key, known) -> {
            if (known != null && Files.isDirectory(known.directory())) {
                return known;
            }
            Path folder = folder(revision);
            return graders.labLoader().load(folder).at(folder, revision.getRevision());
        });
    }

    /**
     * @return the revision's folder in this instance's data folder, unpacked from the database when missing; a
     *     revision stored before revisions kept their files in the database is read where it was stored
     */
    private Path folder(LabRevision revision) {
        RevisionArchive archive = entityManager.find(RevisionArchive.class, revision.getId());
        if (archive == null) {
            return Path.of(revision.getDirectory());
        }
        try {
            return store().materialize(revision.getLabId(), revision.getRevision(), revision.getSha256(),
                    archive::getZip);
        } catch (IOException e) {
            throw new IllegalStateException("cannot unpack revision " + revision.getRevision() + " of "
                    + revision.getLabId() + ": " + e.getMessage(), e);
        }
    }

    /** @return this instance's cache of lab revisions, in its data folder */
    private LabStore store() {
        return new LabStore(Path.of(dataDirectory).toAbsolutePath().resolve("labs"));
    }
}
