package org.nnlab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two platform instances clustered on loopback (Payara Micro's data grid replicates the web sessions) on one
 * PostgreSQL database, behind a round-robin balancer without stickiness, so that one user's requests land on both
 * instances in turn: the login, its session, form tokens and the logout hold whichever instance answers.
 */
class ClusteredSessionsIT {
    private static final String PASSWORD = "cluster-password-1";
    private static final List<PayaraMicro> INSTANCES = new ArrayList<>();
    private static RoundRobinBalancer balancer;

    @BeforeAll
    static void startTwoClusteredInstancesBehindABalancer() throws Exception {
        List<String> properties = new ArrayList<>(PostgresServer.shared().newDatabase("nnlab_clustered"));
        Path noLabs = Files.createDirectories(Path.of("target", "clustered-no-labs").toAbsolutePath());
        properties.addAll(List.of("-Dnnlab.seed.student.password=" + PASSWORD, "-Dnnlab.seed.instructor.password="
                + PASSWORD, "-Dnnlab.seed.students=3", "-Dnnlab.grading.workers=1", "-Dnnlab.labs.dir=" + noLabs));
        List<Integer> grid = List.of(PayaraMicro.freePort(), PayaraMicro.freePort());
        String cluster = "nnlab-it-" + grid.get(0);
        for (int member = 0; member < grid.size(); member++) {
            INSTANCES.add(PayaraMicro.startClustered(properties, cluster, grid, member));
        }
        balancer = RoundRobinBalancer.start(INSTANCES.stream().map(PayaraMicro::url).toList());
    }

    @AfterAll
    static void stop() {
        if (balancer != null) {
            balancer.close();
        }
        INSTANCES.forEach(PayaraMicro::close);
    }

    @Test
    void aStudentLoggedInThroughTheBalancerStaysLoggedInWhicheverInstanceAnswers() throws Exception {
        Browserless student = new Browserless(balancer.url());
        List<Integer> before = balancer.served();

        assertEquals(302, student.login("student", PASSWORD).statusCode(), "the login page came from one instance, "
                + "the login went to the other");
        for (int i = 0; i < 8; i++) {
            HttpResponse<String> page = student.get("/account");
            assertEquals(200, page.statusCode(), "request " + i + " after the login");
            assertTrue(page.body().contains("student"), page.body());
        }

        List<Integer> after = balancer.served();
        for (int instance = 0; instance < after.size(); instance++) {
            assertTrue(after.get(instance) - before.get(instance) >= 4, "each instance answered: " + after);
        }
    }

    @Test
    void aFormWhoseTokenOneInstanceIssuedIsAcceptedByTheOther() throws Exception {
        Browserless student = new Browserless(balancer.url());
        assertEquals(302, student.login("student2", PASSWORD).statusCode());
        student.get("/account");

        HttpResponse<String> changed = student.postForm("/account", Map.of("current", PASSWORD, "password",
                "cluster-password-2", "repeated", "cluster-password-2"));

        assertEquals(302, changed.statusCode(), changed.body());
        assertTrue(changed.headers().firstValue("Location").orElseThrow().endsWith("/account?password=changed"));
        assertEquals(302, new Browserless(balancer.url()).login("student2", "cluster-password-2").statusCode(),
                "the new password holds on either instance");
    }

    @Test
    void aLogoutThroughOneInstanceEndsTheSessionOnBoth() throws Exception {
        Browserless student = new Browserless(balancer.url());
        assertEquals(302, student.login("student3", PASSWORD).statusCode());
        List<Browserless> stolen = INSTANCES.stream().map(instance -> new Browserless(instance.url())
                .withCookiesOf(student)).toList();
        for (Browserless thief : stolen) {
            assertEquals(200, thief.get("/account").statusCode(), "the session holds on each instance");
        }
        student.get("/account");

        assertEquals(302, student.postForm("/logout", Map.of()).statusCode());

        for (Browserless thief : stolen) {
            HttpResponse<String> page = thief.get("/account");
            assertEquals(302, page.statusCode(), "the ended session is refused on every instance");
            assertTrue(page.headers().firstValue("Location").orElseThrow().contains("/login"));
        }
    }
}
