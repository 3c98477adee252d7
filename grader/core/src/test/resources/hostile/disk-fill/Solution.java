import java.nio.file.Files;
import java.nio.file.Path;
import org.nnlab.api.LabContext;
import org.nnlab.api.LabSolution;

/** Hostile: fills the scratch directory with 32 MB files until nothing more fits. */
public class Solution implements LabSolution {
    @Override
    public void train(LabContext ctx) throws Exception {
        byte[] block = new byte[32 << 20];
        for (int i = 0; ; i++) {
            Files.write(Path.of(System.getProperty("java.io.tmpdir"), "fill-" + i), block);
        }
    }
}
