import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.nnlab.api.LabContext;
import org.nnlab.api.LabSolution;

/**
 * Hostile: writes a native library into scratch and loads it into the harness's JVM, then loads one from a host
 * folder outside the sandbox's mounts.
 */
public class Solution implements LabSolution {
    @Override
    public void train(LabContext ctx) throws Exception {
        Path copy = Path.of(System.getProperty("java.io.tmpdir"), "libnnlabhostile.so");
        Files.copy(Path.of("/usr/lib/x86_64-linux-gnu/libz.so.1"), copy, StandardCopyOption.REPLACE_EXISTING);
        System.load(copy.toString());
        ctx.log().println("loaded " + copy);
        System.load("/root/libnnlabhostile.so");
    }
}
