import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.nnlab.api.LabContext;
import org.nnlab.api.LabSolution;

/**
 * Hostile: looks for the data set file and the hidden test part where the grader keeps them on the host, guessing
 * their paths from the sandbox's own mounts (/proc/self/mountinfo), also through /proc/1/root.
 */
public class Solution implements LabSolution {
    @Override
    public void train(LabContext ctx) throws Exception {
        String cache = null;
        String job = null;
        for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
            String mountPoint = line.split(" ")[4];
            if (mountPoint.contains("/natives/")) {
                cache = mountPoint.substring(0, mountPoint.indexOf("/natives/"));
            }
            if (mountPoint.endsWith("/input")) {
                job = mountPoint.substring(0, mountPoint.length() - "/input".length());
            }
        }
        List<String> found = new ArrayList<>();
        found.add(probe("data set", Path.of(cache, "datasets", "digits.csv.gz"), null));
        found.add(probe("data set via /proc/1/root", Path.of("/proc/1/root" + cache, "datasets", "digits.csv.gz"),
                null));
        found.add(probe("other jobs", Path.of(cache, "jobs"), Path.of(job).getFileName().toString()));
        found.add(probe("evaluation folder", Path.of(job, "evaluation"), null));
        found.add(probe("test features", Path.of(job, "evaluation", "test.bin"), null));
        throw new IllegalStateException(String.join("; ", found));
    }

    /** @return what reading the file, or listing the folder (but for its entry {@code own}), gave */
    private static String probe(String what, Path path, String own) {
        try {
            if (Files.isDirectory(path)) {
                try (Stream<Path> entries = Files.list(path)) {
                    return what + ": listed " + entries.filter(entry -> !entry.getFileName().toString().equals(own))
                            .count();
                }
            }
            return what + ": read " + Files.readAllBytes(path).length + " bytes";
        } catch (Exception e) {
            return what + ": " + e.getClass().getSimpleName();
        }
    }
}
