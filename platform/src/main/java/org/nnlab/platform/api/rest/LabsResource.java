package org.nnlab.platform.api.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.nnlab.grader.lab.Lab;
import org.nnlab.grader.submission.Submission;
import org.nnlab.grader.submission.SubmissionException;
import org.nnlab.grader.submission.SubmissionReader;
import org.nnlab.platform.api.token.Scope;
import org.nnlab.platform.api.token.TokenCaller;
import org.nnlab.platform.course.Courses;
import org.nnlab.platform.course.LabAssignment;
import org.nnlab.platform.lab.LabCatalog;
import org.nnlab.platform.submission.SubmissionHistory;
import org.nnlab.platform.submission.SubmissionRecord;
import org.nnlab.platform.submission.SubmissionViews;
import org.nnlab.platform.submission.Submissions;

/** {@code /api/v1/labs}: the labs of the caller's courses, and submitting to one. */
@Path("labs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class LabsResource {
    @Context
    HttpServletRequest request;

    @Inject
    Courses courses;

    @Inject
    LabCatalog catalog;

    @Inject
    Submissions submissions;

    @Inject
    SubmissionViews views;

    /** @return the labs of the caller's courses, with their dates and the caller's state in each */
    @GET
    @Operation(summary = "The labs of your courses", description = "Scope labs:read.")
    public Response list() {
        TokenCaller caller = Callers.withScope(request, Scope.LABS_READ);
        LocalDateTime now = submissions.now();
        List<LabSummary> labs = new ArrayList<>();
        for (LabAssignment assignment : courses.assignmentsOf(caller.username())) {
            catalog.lab(assignment.getLabId()).ifPresent(lab -> {
                SubmissionHistory history = submissions.history(caller.username(), lab,
                        assignment.isResultsReleased());
                labs.add(new LabSummary(lab.id(), lab.title(), assignment.getCourse().getCode(),
                        ApiJson.utc(assignment.getOpensAt()), ApiJson.utc(assignment.getDeadline()), lab.maxScore(),
                        history.status(), history.score(), history.remaining(now),
                        ApiJson.utc(history.nextAllowed(now).orElse(null))));
            });
        }
        return ApiJson.ok(200, labs).build();
    }

    /**
     * Submits to a lab, as its page does: the same checks of the files and answers, and the lab's limit.
     *
     * @param labId the lab
     * @param body  a {@link NewSubmission} as JSON
     * @return 201 with the stored submission's state and its address
     */
    @POST
    @Path("{lab}/submissions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit to a lab", description = "Scope submissions:write. The body is {\"files\": "
            + "{\"Solution.java\": \"...\"}, \"answers\": {\"reflection\": \"...\"}}.")
    @APIResponse(responseCode = "201", description = "Stored and queued for grading")
    @APIResponse(responseCode = "422", description = "Refused: the message says why (files, answers, dates)")
    @APIResponse(responseCode = "429", description = "The lab's limit of submissions is used up for now")
    public Response submit(@PathParam("lab") String labId, String body) {
        TokenCaller caller = Callers.withScope(request, Scope.SUBMISSIONS_WRITE);
        Optional<LabAssignment> assignment = courses.assignmentOf(caller.username(), labId);
        Lab lab = assignment.flatMap(a -> catalog.lab(a.getLabId())).orElseThrow(() -> ApiException.notFound(
                "There is no lab " + labId + " in your courses."));
        NewSubmission sent = ApiJson.read(body, NewSubmission.class);
        LocalDateTime now = submissions.now();
        Optional<LocalDateTime> next = submissions.history(caller.username(), lab, false).nextAllowed(now);
        if (next.isPresent()) {
            throw new ApiException(429, "submission_limit", "You have used up the submissions this lab takes for "
                    + "now; it takes one again at " + ApiJson.utc(next.get()) + ".", Duration.between(now,
                    next.get()));
        }
        Map<String, String> answers = answers(lab, sent.answers());
        try {
            if (sent.files() == null || sent.files().isEmpty()) {
                throw new SubmissionException("Nothing was submitted: send the sources as \"files\": "
                        + "{\"" + lab.entryClass() + ".java\": \"...\"}.");
            }
            Submission submission = new SubmissionReader().fromText(sent.files(), lab.entryClass())
                    .withAnswers(answers);
            SubmissionReader.checkAnswers(lab.answers(), answers);
            SubmissionRecord record = submissions.submit(caller.username(), lab, assignment.get(), submission);
            SubmissionState state = SubmissionsResource.state(views.of(record.getId(), caller.username(),
                    Callers.instructor(caller)).orElseThrow(), request);
            return ApiJson.ok(201, state).location(URI.create(state.links().get("self"))).build();
        } catch (SubmissionException refused) {
            throw new ApiException(422, "refused", refused.getMessage());
        }
    }

    /** @return the lab's answers from those sent: each it asks for (empty when not sent), no other */
    private static Map<String, String> answers(Lab lab, Map<String, String> sent) {
        Map<String, String> given = sent == null ? Map.of() : sent;
        Map<String, String> answers = new LinkedHashMap<>();
        for (Lab.AnswerSpec answer : lab.answers()) {
            String text = given.get(answer.id());
            answers.put(answer.id(), text == null ? "" : text.strip());
        }
        for (String id : given.keySet()) {
            if (!answers.containsKey(id)) {
                throw new ApiException(422, "refused", "The lab asks for no answer " + id + "; it asks for "
                        + (answers.isEmpty() ? "none" : String.join(", ", answers.keySet())) + ".");
            }
        }
        return answers;
    }
}
