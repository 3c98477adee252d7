import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnlab.api.LabContext;
import org.nnlab.api.LabSolution;

/**
 * Hostile: writes a file into /tmp, the root, the harness's folders, the grader's cache and the job's folders, each
 * found from inside the sandbox.
 */
public class Solution implements LabSolution {
    private static final String NAME = "nnlab-hostile-write";

    @Override
    public void train(LabContext ctx) throws Exception {
        Path lib = Path.of(LabSolution.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        Path input = Path.of(ProcessHandle.current().info().arguments().orElseThrow()[ProcessHandle.current().info()
                .arguments().orElseThrow().length - 1]).getParent();
        Path classes = Path.of(Solution.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path natives = Path.of(System.getProperty("java.library.path").split(":")[0]);
        Map<String, Path> targets = new LinkedHashMap<>();
        targets.put("/tmp", Path.of("/tmp"));
        targets.put("/", Path.of("/"));
        targets.put("harness libraries", lib);
        targets.put("grader home", lib.getParent());
        targets.put("natives", natives);
        targets.put("grader cache", natives.getParent().getParent());
        targets.put("job input", input);
        targets.put("job folder", input.getParent());
        targets.put("classes", classes);
        targets.put("JDK", Path.of(System.getProperty("java.home")));
        List<String> outcomes = new ArrayList<>();
        targets.forEach((what, dir) -> outcomes.add(what + ": " + write(dir.resolve(NAME))));
        throw new IllegalStateException(String.join("; ", outcomes));
    }

    private static String write(Path file) {
        try {
            Files.writeString(file, "x");
            return "written";
        } catch (FileSystemException e) {
            return e.getReason();
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }
}
