import java.net.InetSocketAddress;
import java.net.Socket;
import org.nnlab.api.LabContext;
import org.nnlab.api.LabSolution;

/** Hostile: connects to an address outside the machine (a public DNS resolver's HTTPS port). */
public class Solution implements LabSolution {
    @Override
    public void train(LabContext ctx) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("1.1.1.1", 443), 5000);
        }
    }
}
