import org.nnlab.api.LabContext;
import org.nnlab.api.LabSolution;

/**
 * Hostile: starts a process daemonized twice (its own session, its parent gone) that holds the job's output open
 * and would sleep for ten minutes, then returns at once.
 */
public class Solution implements LabSolution {
    @Override
    public void train(LabContext ctx) throws Exception {
        new ProcessBuilder("/bin/sh", "-c", "setsid sh -c '(setsid nohup sh -c \"sleep 600; : nnlab-outliving\" &) &'")
                .inheritIO().start().waitFor();
        ctx.log().println("daemon started");
    }
}
