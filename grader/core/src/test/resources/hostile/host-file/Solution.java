import java.nio.file.Files;
import java.nio.file.Path;
import org.nnlab.api.LabContext;
import org.nnlab.api.LabSolution;

/** Hostile: reads a file of the host that no sandbox mount holds. */
public class Solution implements LabSolution {
    @Override
    public void train(LabContext ctx) throws Exception {
        ctx.log().println(Files.readString(Path.of("/etc/hostname")));
    }
}
