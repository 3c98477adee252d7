package org.nnlab.platform.api.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.nnlab.platform.api.token.Scope;
import org.nnlab.platform.api.token.TokenCaller;
import org.nnlab.platform.submission.SubmissionRecord;
import org.nnlab.platform.submission.SubmissionStatus;
import org.nnlab.platform.submission.SubmissionView;
import org.nnlab.platform.submission.SubmissionViews;

/**
 * {@code /api/v1/submissions/ID}: a submission's state, and its result once graded. Its author and the instructors
 * of its author's course see it; to anyone else it does not exist (404).
 */
@Path("submissions/{id}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SubmissionsResource {
    @Context
    HttpServletRequest request;

    @Inject
    SubmissionViews views;

    /** @return where the submission is on its way to a result */
    @GET
    @Operation(summary = "A submission's state", description = "Scope submissions:read. Poll it until the "
            + "status is GRADED or FAILED.")
    public Response state(@PathParam("id") String id) {
        return ApiJson.ok(200, state(view(id), request)).build();
    }

    /** @return the graded submission's result: every check with its points and message, the curves of its runs */
    @GET
    @Path("result")
    @Operation(summary = "A graded submission's result", description = "Scope submissions:read. The hidden test "
            + "accuracy and the instructor's scores reach a student once the instructor releases the results.")
    @APIResponse(responseCode = "409", description = "Not graded (yet): the message says its status")
    public Response result(@PathParam("id") String id) {
        SubmissionView view = view(id);
        if (view.result() == null) {
            throw new ApiException(409, "not_graded", "The submission has no result: it is "
                    + view.record().getStatus().name().toLowerCase(java.util.Locale.ROOT)
                    + (view.record().getStatus() == SubmissionStatus.FAILED ? " (" + view.record().getError() + ")"
                    : "; poll its state until it is graded") + ".");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("submission", state(view, request));
        body.put("result", view.result());
        return ApiJson.ok(200, body).build();
    }

    private SubmissionView view(String id) {
        TokenCaller caller = Callers.withScope(request, Scope.SUBMISSIONS_READ);
        return views.of(id, caller.username(), Callers.instructor(caller)).orElseThrow(() -> ApiException.notFound(
                "There is no submission " + id + " that you may see."));
    }

    /** @return the submission's state as the API shows it */
    static SubmissionState state(SubmissionView view, HttpServletRequest request) {
        SubmissionRecord record = view.record();
        String base = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                + request.getContextPath();
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", base + "/api/v1/submissions/" + record.getId());
        links.put("result", base + "/api/v1/submissions/" + record.getId() + "/result");
        links.put("page", base + "/submissions/" + record.getId());
        Map<String, Object> state = view.state();
        return new SubmissionState(record.getId(), record.getLabId(), record.getAuthor().getUsername(),
                ApiJson.utc(record.getSubmittedAt()), record.getStatus().name(), (Long) state.get("position"),
                (String) state.get("progress"), (Double) state.get("score"), record.getMaxScore(),
                record.getError(), links);
    }
}
