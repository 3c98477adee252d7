import java.nio.file.Files;
import java.nio.file.Path;

/** Forged: rewrites the harness's training report once it is written, claiming a validation accuracy of 100 %. */
public class Solution extends Forgery {
    @Override
    protected void after() throws Exception {
        Path report = output().resolve("training-report.json");
        afterTheHarness(() -> Files.writeString(report, Files.readString(report)
                .replaceAll("\"validationAccuracy\" : [-0-9.Ee]+", "\"validationAccuracy\" : 1.0")
                .replaceAll("\"([AB]).bestValidationAccuracy\" : [-0-9.Ee]+", "\"$1.bestValidationAccuracy\" : 1.0")));
    }
}
