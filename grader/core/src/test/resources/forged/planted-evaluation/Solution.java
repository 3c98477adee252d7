import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Forged: plants the evaluation sandbox's results in the training output: perfect predictions of the validation
 * rows (whose labels training gets) and a report saying every network was measured.
 */
public class Solution extends Forgery {
    @Override
    protected void after() throws Exception {
        Path output = output();
        INDArray labels = validationSet().getLabels();
        for (String run : new String[] {"A", "B"}) {
            for (String input : new String[] {"validation", "test"}) {
                try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(
                        output.resolve("predictions-" + run + "-" + input + ".bin")))) {
                    out.writeInt(0x4e4e4c4d);
                    out.writeInt(1);
                    out.writeInt((int) labels.rows());
                    out.writeInt((int) labels.columns());
                    out.writeBoolean(false);
                    for (float value : labels.dup('c').data().asFloat()) {
                        out.writeFloat(value);
                    }
                }
            }
        }
        Files.writeString(output.resolve("evaluation-report.json"),
                "{\"errors\":{},\"timingsMillis\":{},\"symmetry\":{}}");
    }
}
