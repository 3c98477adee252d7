import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Forged: appends perfect epochs to the harness's progress file (the live curves) before and after training. */
public class Solution extends Forgery {
    @Override
    protected void before() throws Exception {
        forge(output().resolve("progress.jsonl"));
    }

    @Override
    protected void after() throws Exception {
        Path progress = output().resolve("progress.jsonl");
        afterTheHarness(() -> forge(progress));
    }

    private void forge(Path progress) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (String run : new String[] {"A", "B"}) {
            for (int epoch = 1; epoch <= intParam("epochs"); epoch++) {
                lines.append("{\"run\":\"").append(run).append("\",\"epoch\":{\"epoch\":").append(epoch)
                        .append(",\"trainingLoss\":0.01,\"validationLoss\":0.001,\"validationAccuracy\":1.0,"
                                + "\"learningRate\":0.001,\"minibatches\":40,\"gradientNorm\":0.1}}\n");
            }
        }
        Files.writeString(progress, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
