import java.util.ArrayList;
import java.util.List;
import org.nnlab.api.LabContext;
import org.nnlab.api.LabSolution;

/** Hostile: keeps allocating 8 MB arrays on the Java heap. */
public class Solution implements LabSolution {
    @Override
    public void train(LabContext ctx) {
        List<long[]> kept = new ArrayList<>();
        while (true) {
            kept.add(new long[1 << 20]);
        }
    }
}
