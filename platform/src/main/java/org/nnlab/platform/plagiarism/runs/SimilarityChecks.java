package org.nnlab.platform.plagiarism.runs;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.nnlab.grader.lab.Lab;
import org.nnlab.platform.course.Course;
import org.nnlab.platform.plagiarism.detection.SimilarityDetector;
import org.nnlab.platform.plagiarism.detection.SimilarityException;
import org.nnlab.platform.plagiarism.detection.SubmittedSources;
import org.nnlab.platform.submission.SubmissionRecord;
import org.nnlab.platform.teaching.CourseGrades;

/**
 * Starts similarity checks: the latest submission of each student of a course to a lab, against the lab's starter
 * as base code, compared by JPlag in the background.
 */
@ApplicationScoped
public class SimilarityChecks {
    private static final Logger LOG = Logger.getLogger(SimilarityChecks.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    SimilarityRuns runs;

    @Inject
    CourseGrades grades;

    private final SimilarityDetector detector = new SimilarityDetector();

    /**
     * Starts a check, unless it cannot run.
     *
     * @return what happened, for the instructor
     */
    public String start(Course course, Lab lab, String instructor) {
        List<SubmittedSources> latest = latestSubmissions(course, lab.id());
        if (latest.size() < SimilarityDetector.MINIMUM_SUBMISSIONS) {
            return "Not started: a similarity check compares at least " + SimilarityDetector.MINIMUM_SUBMISSIONS
                    + " students' submissions, and " + (latest.size() == 1 ? "1 student has" : latest.size()
                    + " students have") + " submitted to this lab.";
        }
        Map<String, String> baseCode;
        try {
            baseCode = starter(lab);
        } catch (IOException e) {
            return "Not started: the lab's starter code cannot be read (" + e.getMessage() + ").";
        }
        Optional<SimilarityRun> begun = runs.begin(course.getCode(), lab.id(), instructor, latest.size(), now());
        if (begun.isEmpty()) {
            return "A similarity check of this lab is already running; wait for it to finish.";
        }
        String runId = begun.get().getId();
        executor.execute(() -> run(runId, latest, baseCode));
        return "Similarity check started on " + latest.size() + " submissions.";
    }

    private void run(String runId, List<SubmittedSources> latest, Map<String, String> baseCode) {
        try {
            runs.finish(runId, detector.compare(latest, baseCode), now());
        } catch (SimilarityException e) {
            runs.fail(runId, e.getMessage(), now());
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "similarity check " + runId + " failed", e);
            runs.fail(runId, "JPlag failed: " + e, now());
        }
    }

    private List<SubmittedSources> latestSubmissions(Course course, String labId) {
        Map<String, SubmittedSources> latest = new LinkedHashMap<>();
        for (SubmissionRecord record : grades.all(course, labId)) { // newest first
            latest.computeIfAbsent(record.getAuthor().getUsername(), student -> new SubmittedSources(student,
                    record.getId(), MatchedRegions.files(record.getSourcesJson())));
        }
        return new ArrayList<>(latest.values());
    }

    /** @return the lab's starter Java files: path to text */
    static Map<String, String> starter(Lab lab) throws IOException {
        Path folder = lab.starterDirectory();
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path file : paths.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".java"))
                    .toList()) {
                files.put(folder.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        }
        return files;
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }
}
