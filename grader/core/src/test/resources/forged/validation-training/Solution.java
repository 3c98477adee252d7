import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/** Forged: before each epoch on the training rows, the network being trained fits the validation rows too. */
public class Solution extends Forgery {
    @Override
    public DataSetIterator trainingBatches(int batchSize) {
        MultiLayerNetwork training = networks.values().stream().reduce((first, second) -> second).orElseThrow();
        for (DataSet batch : validationSet().batchBy(batchSize)) {
            training.fit(batch);
        }
        return super.trainingBatches(batchSize);
    }
}
