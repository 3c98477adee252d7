import java.net.InetAddress;
import org.nnlab.api.LabContext;
import org.nnlab.api.LabSolution;

/** Hostile: resolves a name, which would leak data through DNS queries if a resolver were reachable. */
public class Solution implements LabSolution {
    @Override
    public void train(LabContext ctx) throws Exception {
        ctx.log().println(InetAddress.getByName("deb.debian.org"));
    }
}
