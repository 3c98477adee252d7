import org.bytedeco.javacpp.Pointer;
import org.nnlab.api.LabContext;
import org.nnlab.api.LabSolution;

/** Hostile: mallocs and touches native memory through JavaCPP, which no Java limit counts. */
public class Solution implements LabSolution {
    @Override
    public void train(LabContext ctx) {
        long chunk = 128L << 20;
        while (true) {
            Pointer memory = Pointer.malloc(chunk);
            if (memory.isNull()) {
                throw new IllegalStateException("malloc refused");
            }
            Pointer.memset(memory, 1, chunk);
        }
    }
}
