import org.nnlab.api.LabContext;
import org.nnlab.api.LabSolution;

/**
 * Hostile: a source of megabytes (the test appends 3 MB of comment lines to this file before submitting it), to
 * exhaust the compiler's time or memory.
 */
public class Solution implements LabSolution {
    @Override
    public void train(LabContext ctx) {
    }
}
