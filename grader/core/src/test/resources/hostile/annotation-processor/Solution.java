import org.nnlab.api.LabContext;
import org.nnlab.api.LabSolution;

/** Hostile: comes with an annotation processor (MarkerProcessor) that would leave a marker if javac ran it. */
@Deprecated
public class Solution implements LabSolution {
    @Override
    public void train(LabContext ctx) {
        throw new IllegalStateException("processor marker " + (Solution.class.getResource("/nnlab-processor-ran")
                == null ? "absent" : "present"));
    }
}
