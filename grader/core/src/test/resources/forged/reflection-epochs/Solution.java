import java.util.List;

/**
 * Forged: with reflection, replaces every epoch the harness recorded for run A by one with a validation accuracy
 * of 100 %, and reports that as A's best.
 */
public class Solution extends Forgery {
    @Override
    protected void after() throws Exception {
        List<Object> epochs = recordedEpochs("A");
        for (int i = 0; i < epochs.size(); i++) {
            epochs.set(i, withValidation(epochs.get(i), 1.0, Double.NaN));
        }
        report("A.bestValidationAccuracy", 1.0);
    }
}
