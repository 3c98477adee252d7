package org.nnlab.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One platform for the test classes that can share it ({@link #USERS}), so that the start and the digits lab's
 * self-test are paid once: started on first use, stopped once every class that shares it is
 * done (or when the test JVM exits, where only some of them ran). Its digits lab allows {@value #LIMIT} submissions
 * an hour; {@value #STUDENTS} students and an instructor share {@link #PASSWORD}, and each test class uses students
 * of its own.
 */
final class SharedPlatform {
    /** The password of every seeded account. */
    static final String PASSWORD = "it-password-1";
    /** The lab of the platform. */
    static final String LAB = "digits-regularization";
    /** Submissions to the lab a student may make in an hour. */
    static final int LIMIT = 3;
    /** Requests a minute that an API token may make. */
    static final int API_REQUESTS_PER_MINUTE = 30;
    /** Seeded students: {@code student}, {@code student2} .. {@code student23}. */
    static final int STUDENTS = 23;
    /** The test classes that share the platform. */
    private static final Set<Class<?>> USERS = Set.of(PlatformIT.class, BadInputIT.class, AccessibilityIT.class,
            RestApiIT.class, LtiIT.class);
    private static final Set<Class<?>> DONE = new HashSet<>();
    private static PayaraMicro server;

    private SharedPlatform() {
    }

    /** @return the running platform, started by the first caller */
    static synchronized PayaraMicro server() throws IOException, InterruptedException {
        if (server == null) {
            server = PayaraMicro.start(List.of("-Dnnlab.seed.student.password=" + PASSWORD,
                    "-Dnnlab.seed.instructor.password=" + PASSWORD, "-Dnnlab.seed.students=" + STUDENTS,
                    "-Dnnlab.api.requests.per.minute=" + API_REQUESTS_PER_MINUTE,
                    "-Dnnlab.labs.dir=" + labsWithLimit()));
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server;
    }

    /** Records that a test class is done with the platform, and stops it when it was the last of its users. */
    static synchronized void done(Class<?> user) {
        DONE.add(user);
        if (server != null && DONE.containsAll(USERS)) {
            server.close();
            server = null;
        }
    }

    /** A copy of the labs whose digits lab allows {@link #LIMIT} submissions an hour. */
    private static Path labsWithLimit() throws IOException {
        Path labs = Path.of("target", "it-labs").toAbsolutePath();
        Path source = Path.of(System.getProperty("nnlab.labs"), LAB);
        try (var files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = labs.resolve(LAB).resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path labFile = labs.resolve(LAB).resolve("lab.yaml");
        String text = Files.readString(labFile);
        if (!text.contains("limit: 10,")) {
            throw new IllegalStateException(labFile + " no longer declares 'limit: 10,'");
        }
        Files.writeString(labFile, text.replace("limit: 10,", "limit: " + LIMIT + ","));
        return labs;
    }
}
