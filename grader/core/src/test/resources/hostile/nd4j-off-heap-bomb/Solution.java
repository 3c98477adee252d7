import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.api.LabContext;
import org.nnlab.api.LabSolution;

/** Hostile: keeps creating 256 MB ND4J arrays, which live outside the Java heap. */
public class Solution implements LabSolution {
    @Override
    public void train(LabContext ctx) {
        List<INDArray> kept = new ArrayList<>();
        while (true) {
            kept.add(Nd4j.ones(DataType.FLOAT, 64, 1024, 1024));
        }
    }
}
