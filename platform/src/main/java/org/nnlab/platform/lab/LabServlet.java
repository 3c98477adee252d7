package org.nnlab.platform.lab;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.nnlab.grader.lab.Lab;
import org.nnlab.grader.submission.Submission;
import org.nnlab.grader.submission.SubmissionException;
import org.nnlab.grader.submission.SubmissionReader;
import org.nnlab.platform.account.Role;
import org.nnlab.platform.course.Courses;
import org.nnlab.platform.course.LabAssignment;
import org.nnlab.platform.submission.SubmissionHistory;
import org.nnlab.platform.submission.SubmissionRecord;
import org.nnlab.platform.submission.Submissions;
import org.nnlab.platform.web.FormText;
import org.nnlab.platform.web.Markdown;
import org.nnlab.platform.web.Pages;

/**
 * {@code /labs/ID}: the lab's instructions, starter code and submission form (GET), and submitting (POST: uploaded
 * {@code .java} files or a zip, or pasted source, plus the answers). A refused submission is shown again with the
 * reason and everything the student typed. {@code /labs/ID/kit}: the lab's student kit, a zip.
 */
@WebServlet("/labs/*")
@MultipartConfig(maxFileSize = 16 * 1024 * 1024, maxRequestSize = 20 * 1024 * 1024, fileSizeThreshold = 64 * 1024)
@ServletSecurity(@HttpConstraint(rolesAllowed = {Role.STUDENT, Role.INSTRUCTOR}))
public class LabServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String PASTED_FILE = "Solution.java";
    private static final String KIT_SUFFIX = "/kit";
    /** The largest file accepted; larger ones (up to what the container parses) are refused with the form kept. */
    private static final long MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

    @Inject
    transient Pages pages;

    @Inject
    transient LabCatalog catalog;

    @Inject
    transient Courses courses;

    @Inject
    transient Submissions submissions;

    @Inject
    transient Markdown markdown;

    @Inject
    transient StudentKits kits;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Lab> lab = assignedLab(request);
        if (lab.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such lab in your courses.");
            return;
        }
        if (request.getPathInfo().endsWith(KIT_SUFFIX)) {
            response.setContentType("application/zip");
            response.setHeader("Content-Disposition", "attachment; filename=\"" + kits.fileName(lab.get()) + "\"");
            kits.write(lab.get(), getServletContext(), response.getOutputStream());
            return;
        }
        show(request, response, lab.get(), null, "", Map.of());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        Optional<Lab> found = assignedLab(request);
        if (request.getPathInfo() != null && request.getPathInfo().endsWith(KIT_SUFFIX)) {
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED, "The kit is downloaded, not posted to.");
            return;
        }
        if (found.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such lab in your courses.");
            return;
        }
        Lab lab = found.get();
        String pasted;
        Map<String, String> answers = new LinkedHashMap<>();
        List<Part> files;
        try {
            pasted = FormText.of(request.getParameter("source"));
            for (Lab.AnswerSpec answer : lab.answers()) {
                answers.put(answer.id(), FormText.of(request.getParameter("answer." + answer.id())));
            }
            files = isMultipart(request) ? request.getParts().stream().filter(p -> p.getName().equals("files")
                    && p.getSize() > 0).toList() : List.of();
        } catch (IllegalStateException | ServletException e) {
            drain(request);
            show(request, response, lab, "The upload is far too large (over 16 MiB), so the form could not be read: "
                    + "upload at most 2 MiB per file, and type your answers again.", "", Map.of());
            return;
        }
        try {
            Submission submission = read(lab, files, pasted).withAnswers(answers);
            SubmissionReader.checkAnswers(lab.answers(), answers);
            LabAssignment assignment = courses.assignmentOf(request.getRemoteUser(), lab.id()).orElseThrow();
            SubmissionRecord record = submissions.submit(request.getRemoteUser(), lab, assignment, submission);
            response.sendRedirect(request.getContextPath() + "/submissions/" + record.getId());
        } catch (SubmissionException e) {
            show(request, response, lab, e.getMessage(), pasted, answers);
        }
    }

    private Submission read(Lab lab, List<Part> files, String pasted) throws IOException {
        SubmissionReader reader = new SubmissionReader();
        if (files.isEmpty()) {
            if (pasted.isBlank()) {
                throw new SubmissionException("Nothing was submitted: upload .java files or a .zip, or paste your "
                        + lab.entryClass() + " into the editor.");
            }
            return reader.fromText(Map.of(PASTED_FILE, pasted), lab.entryClass());
        }
        Path folder = Files.createTempDirectory("nnlab-upload-");
        try {
            List<Path> paths = new ArrayList<>();
            for (Part part : files) {
                if (part.getSize() > MAX_UPLOAD_BYTES) {
                    throw new SubmissionException("The file " + part.getSubmittedFileName() + " has "
                            + part.getSize() / 1024 + " KiB; uploads are limited to " + MAX_UPLOAD_BYTES / 1024
                            + " KiB per file.");
                }
                String name = Path.of(part.getSubmittedFileName() == null ? "upload" : part.getSubmittedFileName())
                        .getFileName().toString();
                Path file = folder.resolve(name);
                if (Files.exists(file)) {
                    throw new SubmissionException("The file " + name + " was uploaded twice.");
                }
                try (InputStream in = part.getInputStream()) {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
                paths.add(file);
            }
            return reader.read(paths, lab.entryClass());
        } finally {
            try (var stream = Files.walk(folder)) {
                stream.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void show(HttpServletRequest request, HttpServletResponse response, Lab lab, String error, String pasted,
                      Map<String, String> answers) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("lab", lab);
        LabAssignment assignment = courses.assignmentOf(request.getRemoteUser(), lab.id()).orElse(null);
        model.put("assignment", assignment);
        model.put("instructions", markdown.toHtml(catalog.read(lab, lab.instructions())));
        model.put("starter", catalog.starterSources(lab));
        SubmissionHistory history = submissions.history(request.getRemoteUser(), lab,
                assignment != null && assignment.isResultsReleased());
        LocalDateTime now = submissions.now();
        model.put("history", history);
        model.put("counting", history.counting().map(SubmissionRecord::getId).orElse(""));
        model.put("remaining", history.remaining(now));
        model.put("nextAllowed", history.nextAllowed(now).orElse(null));
        model.put("error", error);
        model.put("pasted", pasted);
        model.put("answers", answers);
        if (error != null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        pages.render(request, response, "lab", model);
    }

    private Optional<Lab> assignedLab(HttpServletRequest request) {
        String path = request.getPathInfo();
        if (path == null || path.length() < 2) {
            return Optional.empty();
        }
        String id = path.substring(1).replaceFirst(KIT_SUFFIX + "$", "");
        return courses.assignmentOf(request.getRemoteUser(), id).flatMap(a -> catalog.lab(a.getLabId()));
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    private static void drain(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IllegalStateException e) {
            // the body was already consumed
        }
    }
}
