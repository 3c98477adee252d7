import java.nio.file.Files;
import java.util.List;

/**
 * Forged: gives one early epoch of run A a validation accuracy of 100 %, then deletes the weights the harness kept
 * at each epoch's end, which would show it, once the harness has written its report.
 */
public class Solution extends Forgery {
    @Override
    protected void after() throws Exception {
        List<Object> epochs = recordedEpochs("A");
        epochs.set(2, withValidation(epochs.get(2), 1.0, Double.NaN));
        report("A.bestValidationAccuracy", 1.0);
        afterTheHarness(() -> Files.delete(output().resolve("weights-A.bin")));
    }
}
