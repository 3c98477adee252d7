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
import java.util.HashMap;
import java.util.Map;
import org.nnlab.grader.lab.LabException;
import org.nnlab.platform.account.Role;
import org.nnlab.platform.web.InputException;
import org.nnlab.worker.lab.LabFilesException;
import org.nnlab.worker.lab.LabStore;
import org.nnlab.platform.web.Notice;
import org.nnlab.platform.web.Pages;

/**
 * {@code /teach/labs}: every lab's revisions with their self-tests (GET), and adding a revision by uploading the
 * lab folder as a zip (POST, field {@code lab}). An invalid lab is refused with the file and field named; a valid
 * one is stored and self-tested through the grading queue, and published once it passes.
 */
@WebServlet("/teach/labs")
@MultipartConfig(maxFileSize = 16 * 1024 * 1024, maxRequestSize = 20 * 1024 * 1024, fileSizeThreshold = 256 * 1024)
@ServletSecurity(@HttpConstraint(rolesAllowed = Role.INSTRUCTOR))
public class LabAuthoringServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient Pages pages;

    @Inject
    transient LabCatalog catalog;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String notice = Notice.take(request);
        show(request, response, notice, null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        Path folder = Files.createTempDirectory("nnlab-lab-upload-");
        try {
            Part part = request.getPart("lab");
            if (part == null || part.getSize() == 0) {
                throw new InputException("Choose a zip of the lab folder (lab.yaml, instructions, starter, "
                        + "reference).");
            }
            Path lab;
            try (InputStream zip = part.getInputStream()) {
                lab = LabStore.unzip(zip, folder);
            }
            LabRevision revision = catalog.add(lab, request.getRemoteUser());
            Notice.set(request, "Lab " + revision.getLabId() + " is at revision "
                    + revision.getRevision() + " (" + revision.getState().name().toLowerCase()
                    + "); students see it once its self-test passes.");
            response.sendRedirect(request.getContextPath() + "/teach/labs");
        } catch (InputException | LabFilesException | LabException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            show(request, response, null, e.getMessage().replace(folder.toString() + "/", ""));
        } catch (IllegalStateException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            show(request, response, null, "The upload is too large: at most 16 MiB.");
        } finally {
            LabStore.deleteTree(folder);
        }
    }

    private void show(HttpServletRequest request, HttpServletResponse response, Object notice, String error)
            throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("revisions", catalog.revisions());
        model.put("notice", notice);
        model.put("error", error);
        model.put("problems", catalog.problems());
        pages.render(request, response, "teach-labs", model);
    }
}
