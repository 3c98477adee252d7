/** Forged: reports a best validation accuracy of run A that no epoch of its network measured. */
public class Solution extends Forgery {
    @Override
    protected void after() {
        report("A.bestValidationAccuracy", 1.0);
    }
}
