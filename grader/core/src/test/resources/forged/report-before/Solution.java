import java.nio.file.Files;

/** Forged: a perfect training report written where the harness writes its own, before the harness writes it. */
public class Solution extends Forgery {
    @Override
    protected void before() throws Exception {
        StringBuilder epochs = new StringBuilder();
        for (int epoch = 1; epoch <= intParam("epochs"); epoch++) {
            epochs.append(epoch == 1 ? "" : ",").append("{\"epoch\":").append(epoch).append(",\"trainingLoss\":")
                    .append(1.0 / epoch).append(",\"validationLoss\":0.001,\"validationAccuracy\":1.0,"
                            + "\"learningRate\":0.001,\"minibatches\":40,\"gradientNorm\":0.1}");
        }
        String run = "{\"epochs\":[" + epochs + "],\"networkFile\":null}";
        Files.writeString(output().resolve("training-report.json"), "{\"completed\":true,\"error\":null,"
                + "\"runs\":{\"A\":" + run + ",\"B\":" + run + "},\"reported\":{\"A.bestValidationAccuracy\":1.0,"
                + "\"B.bestValidationAccuracy\":1.0},\"warnings\":[],\"timingsMillis\":{}}");
    }
}
