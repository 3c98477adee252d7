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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.nnlab.platform.api.token.Scope;
import org.nnlab.platform.api.token.TokenCaller;
import org.nnlab.platform.course.Course;
import org.nnlab.platform.course.Courses;
import org.nnlab.platform.teaching.CourseGrades;
import org.nnlab.platform.teaching.Gradebook;

/** {@code /api/v1/courses/CODE/gradebook}: a course's gradebook, for its instructors. */
@Path("courses/{course}/gradebook")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class GradebookResource {
    @Context
    HttpServletRequest request;

    @Inject
    Courses courses;

    @Inject
    CourseGrades grades;

    /** @return students x labs with the score that counts under each lab's policy, as the CSV export has them */
    @GET
    @Operation(summary = "A course's gradebook", description = "Scope gradebook:read, for the course's "
            + "instructors.")
    public Response gradebook(@PathParam("course") String code) {
        TokenCaller caller = Callers.withScope(request, Scope.GRADEBOOK_READ);
        if (!Callers.instructor(caller)) {
            throw new ApiException(403, "forbidden", "Gradebooks are for instructors.");
        }
        Course course = courses.taughtBy(caller.username(), code).orElseThrow(() -> ApiException.notFound(
                "You teach no course " + code + "."));
        Gradebook book = grades.gradebook(course);
        return ApiJson.ok(200, new GradebookSheet(course.getCode(),
                book.labs().stream().map(l -> new GradebookSheet.Lab(l.labId(), l.title(), l.maxScore())).toList(),
                book.rows().stream().map(r -> new GradebookSheet.Student(r.username(), r.displayName(), r.scores(),
                        r.total())).toList(), book.maxTotal())).build();
    }
}
