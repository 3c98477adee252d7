import org.nnlab.grader.sandbox.BubblewrapSandbox;
import org.nnlab.grader.sandbox.SandboxProbe;

/** Prints what {@link BubblewrapSandbox#probe()} says in this JVM: "available" or the problem. */
public class PrintProbe {

    public static void main(String[] args) {
        SandboxProbe probe = BubblewrapSandbox.probe();
        System.out.println(probe.available() ? "available" : probe.problem());
    }
}
