/** Forged: prints text that imitates the harness's report and progress lines on stdout and stderr. */
public class Solution extends Forgery {
    static final String FAKE = "{\"run\":\"A\",\"epoch\":{\"epoch\":1,\"trainingLoss\":0.01,\"validationLoss\":0.001,"
            + "\"validationAccuracy\":1.0,\"learningRate\":0.001,\"minibatches\":40,\"gradientNorm\":0.1}}";

    @Override
    protected void before() {
        System.out.println(FAKE);
        System.err.println(FAKE);
    }

    @Override
    protected void after() {
        System.out.println("{\"completed\":true,\"error\":null,\"runs\":{},\"reported\":{\"A.bestValidationAccuracy\""
                + ":1.0},\"warnings\":[],\"timingsMillis\":{}}");
        System.out.println("score: 100 / 100");
    }
}
