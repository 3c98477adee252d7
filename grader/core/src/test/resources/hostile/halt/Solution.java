import org.nnlab.api.LabContext;
import org.nnlab.api.LabSolution;

/** Hostile: halts the harness's JVM at once (no shutdown hooks) before it can write its report. */
public class Solution implements LabSolution {
    @Override
    public void train(LabContext ctx) {
        Runtime.getRuntime().halt(7);
    }
}
