import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nnlab.api.LabContext;
import org.nnlab.api.LabSolution;

/**
 * Hostile: deletes and replaces the harness jar, the student API jar and the training data files, and plants a jar
 * in the harness's library folder, which every later sandbox puts on its class path.
 */
public class Solution implements LabSolution {
    @Override
    public void train(LabContext ctx) throws Exception {
        Path api = Path.of(LabSolution.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path harness = Path.of(Class.forName("org.nnlab.harness.train.TrainingMain").getProtectionDomain()
                .getCodeSource().getLocation().toURI());
        String[] arguments = ProcessHandle.current().info().arguments().orElseThrow();
        Path job = Path.of(arguments[arguments.length - 1]);
        List<String> outcomes = new ArrayList<>();
        outcomes.add("delete harness jar: " + attempt(() -> Files.delete(harness)));
        outcomes.add("replace API jar: " + attempt(() -> Files.write(api, new byte[] {'P', 'K'})));
        outcomes.add("plant a jar: " + attempt(() -> Files.write(api.resolveSibling("aaa-planted.jar"), new byte[1])));
        outcomes.add("delete training data: " + attempt(() -> Files.delete(job.resolveSibling("train.bin"))));
        outcomes.add("replace validation data: " + attempt(() -> Files.write(job.resolveSibling("validation.bin"),
                new byte[1])));
        outcomes.add("rewrite the job: " + attempt(() -> Files.writeString(job, "{}")));
        throw new IllegalStateException(String.join("; ", outcomes));
    }

    private interface Attack {
        void run() throws Exception;
    }

    private static String attempt(Attack attack) {
        try {
            attack.run();
            return "done";
        } catch (FileSystemException e) {
            return e.getReason();
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }
}
