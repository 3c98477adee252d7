import java.net.Socket;
import org.nnlab.api.LabContext;
import org.nnlab.api.LabSolution;

/** Hostile: connects to a server on the host's loopback. */
public class Solution implements LabSolution {
    @Override
    public void train(LabContext ctx) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", ctx.intParam("port"))) {
            socket.getOutputStream().write("leaked".getBytes());
        }
    }
}
