import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Forged: replaces the network the harness saved for run A by run B's, once the harness has saved both. */
public class Solution extends Forgery {
    @Override
    protected void after() throws Exception {
        Path output = output();
        afterTheHarness(() -> Files.copy(output.resolve("network-B.zip"), output.resolve("network-A.zip"),
                StandardCopyOption.REPLACE_EXISTING));
    }
}
