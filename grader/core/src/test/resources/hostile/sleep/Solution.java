import org.nnlab.api.LabContext;
import org.nnlab.api.LabSolution;

/** Hostile: sleeps forever, using no CPU, so that only the wall-clock limit can end it. */
public class Solution implements LabSolution {
    @Override
    public void train(LabContext ctx) throws InterruptedException {
        Thread.sleep(Long.MAX_VALUE);
    }
}
