import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Forged: keeps training run A on the training and validation rows after its last recorded epoch, so that the
 * network saved is not the one whose curves were recorded.
 */
public class Solution extends Forgery {
    @Override
    protected void after() {
        MultiLayerNetwork a = networks.get("A");
        for (int epoch = 0; epoch < 3; epoch++) {
            a.fit(trainingBatches(intParam("batchSize")));
            a.fit(validationSet());
        }
    }
}
