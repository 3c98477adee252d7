import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nnlab.api.TrackedRun;

/**
 * Forged: trains run B without its dropout and weight decay (taken off its layers when it is tracked), then puts
 * them back on the configuration after training, so that the saved network claims regularization it did not
 * train with.
 */
public class Solution extends Forgery {
    private final Map<Layer, IDropout> dropout = new IdentityHashMap<>();
    private final Map<BaseLayer, List<Regularization>> regularization = new IdentityHashMap<>();

    @Override
    public TrackedRun track(String runName, MultiLayerNetwork network) {
        if (runName.equals("B")) {
            for (int i = 0; i < network.getnLayers(); i++) {
                for (Layer layer : List.of(network.getLayer(i).conf().getLayer(),
                        network.getLayerWiseConfigurations().getConf(i).getLayer())) {
                    BaseLayer base = (BaseLayer) layer;
                    dropout.putIfAbsent(layer, layer.getIDropout());
                    regularization.putIfAbsent(base, base.getRegularization());
                    layer.setIDropout(null);
                    base.setRegularization(new ArrayList<>());
                }
            }
        }
        return super.track(runName, network);
    }

    @Override
    protected void after() {
        dropout.forEach(Layer::setIDropout);
        regularization.forEach(BaseLayer::setRegularization);
    }
}
