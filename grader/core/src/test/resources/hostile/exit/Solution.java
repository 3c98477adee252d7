import org.nnlab.api.LabContext;
import org.nnlab.api.LabSolution;

/** Hostile: ends the harness's JVM before it can write its report. */
public class Solution implements LabSolution {
    @Override
    public void train(LabContext ctx) {
        System.exit(0);
    }
}
