import org.nnlab.api.LabContext;
import org.nnlab.api.LabSolution;

/** Hostile: never returns. */
public class Solution implements LabSolution {
    @Override
    public void train(LabContext ctx) {
        long spins = 0;
        while (spins >= 0) {
            spins++;
        }
    }
}
