import org.nnlab.api.LabContext;
import org.nnlab.api.LabSolution;

/** Hostile: starts sleeping threads until none can be started. */
public class Solution implements LabSolution {
    @Override
    public void train(LabContext ctx) {
        while (true) {
            Thread thread = new Thread(() -> {
                try {
                    Thread.sleep(600_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            thread.setDaemon(true);
            thread.start();
        }
    }
}
