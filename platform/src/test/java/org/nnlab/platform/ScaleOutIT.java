package org.nnlab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nnlab.grader.sandbox.BubblewrapSandbox;
import org.nnlab.grader.sandbox.SandboxProbe;

/**
 * Two platform instances on one PostgreSQL database, each with its own grading workers, as two machines of a
 * scaled-out deployment would run: students submit through both, every submission is graded exactly once by
 * one of the four workers, and either instance shows what the other stored.
 */
class ScaleOutIT {
    private static final String PASSWORD = "scale-out-password-1";
    private static final String LAB = "digits-regularization";
    private static final int STUDENTS = 8;
    private static final int SUBMISSIONS = 40;
    private static final String BROKEN = "public class Solution implements org.nnlab.api.LabSolution {\n"
            + "    public void train(org.nnlab.api.LabContext ctx) { int x = \"text\"; }\n}\n";
    private static PostgresServer postgres;
    private static String databaseUrl;
    private static PayaraMicro first;
    private static PayaraMicro second;

    @BeforeAll
    static void startTwoInstancesOnOneDatabase() throws Exception {
        SandboxProbe probe = BubblewrapSandbox.probe();
        Assumptions.assumeTrue(probe.available(), () -> "this machine cannot sandbox: " + probe.problem());
        postgres = PostgresServer.shared();
        List<String> properties = new ArrayList<>(postgres.newDatabase("nnlab_scale_out"));
        databaseUrl = postgres.url("nnlab_scale_out");
        properties.addAll(List.of("-Dnnlab.seed.student.password=" + PASSWORD, "-Dnnlab.seed.instructor.password="
                + PASSWORD, "-Dnnlab.seed.students=" + STUDENTS, "-Dnnlab.grading.workers=2"));
        first = PayaraMicro.start(properties);
        login(first, "student").awaitPublished(LAB);
        second = PayaraMicro.start(properties);
    }

    @AfterAll
    static void stop() {
        for (PayaraMicro instance : new PayaraMicro[] {first, second}) {
            if (instance != null) {
                instance.close();
            }
        }
    }

    @Test
    void submissionsThroughBothInstancesAreEachGradedExactlyOnceByTheWorkersOfEither() throws Exception {
        List<Browserless> onFirst = new ArrayList<>();
        List<Browserless> onSecond = new ArrayList<>();
        for (int i = 1; i <= STUDENTS; i++) {
            onFirst.add(login(first, i == 1 ? "student" : "student" + i));
            onSecond.add(login(second, i == 1 ? "student" : "student" + i));
        }
        List<String> submitted = new ArrayList<>();
        List<Browserless> readers = new ArrayList<>();
        for (int i = 0; i < SUBMISSIONS; i++) {
            boolean throughFirst = i % 2 == 0;
            int student = i % STUDENTS;
            submitted.add((throughFirst ? onFirst : onSecond).get(student).submit(LAB, BROKEN, Map.of()));
            readers.add((throughFirst ? onSecond : onFirst).get(student));
        }

        for (int i = 0; i < SUBMISSIONS; i++) {
            JsonNode result = readers.get(i).awaitResult(submitted.get(i));
            assertEquals("GRADED", result.get("status").asText(), "read through the other instance: " + result);
        }
        Set<String> nodes = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(databaseUrl, "nnlab", "nnlab-test-password");
             Statement statement = connection.createStatement()) {
            ResultSet jobs = statement.executeQuery("SELECT s.ID, COUNT(j.ID), MIN(j.STATE), MAX(j.ATTEMPTS), "
                    + "MIN(j.WORKER) FROM SUBMISSION s JOIN GRADINGJOB j ON j.SUBMISSIONID = s.ID WHERE s.LABID = '"
                    + LAB + "' AND s.AUTHOR_ID IS NOT NULL GROUP BY s.ID");
            int graded = 0;
            while (jobs.next()) {
                if (submitted.contains("/submissions/" + jobs.getString(1))) {
                    graded++;
                    assertEquals(1, jobs.getInt(2), "one job per submission");
                    assertEquals("DONE", jobs.getString(3));
                    assertEquals(1, jobs.getInt(4), "claimed once");
                    nodes.add(jobs.getString(5).substring(0, jobs.getString(5).indexOf('/')));
                }
            }
            assertEquals(SUBMISSIONS, graded);
        }
        assertEquals(2, nodes.size(), "the workers of both instances graded: " + nodes);
    }

    private static Browserless login(PayaraMicro instance, String name) throws Exception {
        Browserless user = new Browserless(instance.url());
        assertEquals(302, user.login(name, PASSWORD).statusCode(), name + " logs in");
        return user;
    }
}
