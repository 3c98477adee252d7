import java.util.List;

/**
 * Forged: with reflection, gives one epoch in the middle of run A a validation accuracy of 100 % and a tiny loss,
 * and reports that as A's best, while the last epoch stays as the saved network measures it.
 */
public class Solution extends Forgery {
    @Override
    protected void after() throws Exception {
        List<Object> epochs = recordedEpochs("A");
        int middle = epochs.size() / 2;
        epochs.set(middle, withValidation(epochs.get(middle), 1.0, 0.001));
        report("A.bestValidationAccuracy", 1.0);
    }
}
