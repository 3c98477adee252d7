import org.nnlab.api.LabContext;
import org.nnlab.api.LabSolution;

/** Hostile: prints 100 MB. */
public class Solution implements LabSolution {
    @Override
    public void train(LabContext ctx) {
        String line = "x".repeat(1023);
        for (int i = 0; i < 100 * 1024; i++) {
            System.out.println(line);
        }
    }
}
