package org.nnlab.harness.fast;

import java.util.List;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.regularization.L1Regularization;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.learning.regularization.WeightDecay;
import org.nnlab.harness.fast.DenseNetwork.Block;
import org.nnlab.harness.fast.DenseNetwork.Param;

/**
 * Turns a minibatch's summed gradient into a step, as DL4J's updater does: divided by the minibatch's rows; L1 and
 * L2 added before the updater and weight decay after it, each parameter with its own coefficients and learning
 * rate; Adam, SGD or Nesterov momentum applied block by block as libnd4j applies them, with the state the blocks
 * keep; then subtracted from the parameters. The state is read from DL4J's updater when the step is made and
 * written back by {@link #save()}.
 */
final class UpdateStep {
    private final DenseNetwork shape;
    private final float[][] state;

    UpdateStep(DenseNetwork shape) {
        this.shape = shape;
        List<Block> blocks = shape.blocks();
        this.state = new float[blocks.size()][];
        for (int index = 0; index < blocks.size(); index++) {
            UpdaterBlock block = blocks.get(index).block();
            if (block.getGradientUpdater() == null) {
                block.init();
            }
            INDArray view = block.getUpdaterView();
            state[index] = view == null || view.length() == 0 ? new float[0] : view.dup().data().asFloat();
        }
    }

    /** @return the regularization score DL4J adds to the loss, for the parameters as they are */
    double regularizationScore(float[] params, int iteration, int epoch) {
        double score = 0;
        for (Param param : shape.params()) {
            for (Regularization regularization : param.regularization()) {
                if (regularization instanceof L1Regularization l1) {
                    score += l1.getL1().valueAt(iteration, epoch) * sumOfAbsolutes(params, param);
                } else if (regularization instanceof L2Regularization l2) {
                    score += l2.getL2().valueAt(iteration, epoch) * 0.5 * sumOfSquares(params, param);
                } else if (regularization instanceof WeightDecay decay) {
                    score += decay.getCoeff().valueAt(iteration, epoch) * 0.5 * sumOfSquares(params, param);
                }
            }
        }
        return score;
    }

    /**
     * Steps the parameters.
     *
     * @param params   the flattened parameters, stepped in place
     * @param gradient the minibatch's summed gradient, used up
     * @param rows     the minibatch's rows
     */
    void apply(float[] params, float[] gradient, int rows, int iteration, int epoch) {
        for (int k = 0; k < gradient.length; k++) {
            gradient[k] /= rows;
        }
        for (Param param : shape.params()) {
            for (Regularization regularization : param.regularization()) {
                if (regularization instanceof L1Regularization l1) {
                    float coefficient = (float) l1.getL1().valueAt(iteration, epoch);
                    for (int k = param.offset(); k < param.offset() + param.length(); k++) {
                        gradient[k] += coefficient * Math.signum(params[k]);
                    }
                } else if (regularization instanceof L2Regularization l2) {
                    axpy((float) l2.getL2().valueAt(iteration, epoch), params, gradient, param);
                }
            }
        }
        for (int index = 0; index < state.length; index++) {
            Block block = shape.blocks().get(index);
            if (block.updater() instanceof Adam adam) {
                adam(adam, state[index], gradient, block.start(), block.end(), iteration, epoch);
            } else if (block.updater() instanceof Nesterovs nesterovs) {
                nesterovs(nesterovs, state[index], gradient, block.start(), block.end(), iteration, epoch);
            } else {
                float rate = (float) block.updater().getLearningRate(iteration, epoch);
                for (int k = block.start(); k < block.end(); k++) {
                    gradient[k] *= rate;
                }
            }
        }
        for (Param param : shape.params()) {
            for (Regularization regularization : param.regularization()) {
                if (regularization instanceof WeightDecay decay) {
                    double coefficient = decay.getCoeff().valueAt(iteration, epoch);
                    if (decay.isApplyLR()) {
                        coefficient *= param.updater().getLearningRate(iteration, epoch);
                    }
                    axpy((float) coefficient, params, gradient, param);
                }
            }
        }
        for (int k = 0; k < params.length; k++) {
            params[k] -= gradient[k];
        }
    }

    /** Writes the updater's state back into DL4J's blocks. */
    void save() {
        for (int index = 0; index < state.length; index++) {
            INDArray view = shape.blocks().get(index).block().getUpdaterView();
            if (state[index].length > 0) {
                view.assign(Nd4j.create(state[index], view.shape(), view.dataType()));
            }
        }
    }

    /** libnd4j's Adam: the first and second moments are the two halves of the block's state. */
    private static void adam(Adam adam, float[] state, float[] gradient, int start, int end, int iteration,
                             int epoch) {
        float beta1 = (float) adam.getBeta1();
        float beta2 = (float) adam.getBeta2();
        float epsilon = (float) adam.getEpsilon();
        double rate = adam.getLearningRate(iteration, epoch);
        float beta1T = (float) Math.pow(beta1, iteration + 1);
        float beta2T = (float) Math.pow(beta2, iteration + 1);
        float epsilonT = (float) (rate * Math.sqrt(1.0 - beta2T) / (1.0 - beta1T));
        if (Float.isNaN(epsilonT) || Float.isInfinite(epsilonT) || epsilonT == 0) {
            epsilonT = epsilon;
        }
        int length = end - start;
        for (int k = 0; k < length; k++) {
            float g = gradient[start + k];
            float m = beta1 * state[k] + g * (1 - beta1);
            float v = beta2 * state[length + k] + g * g * (1 - beta2);
            state[k] = m;
            state[length + k] = v;
            gradient[start + k] = m * epsilonT / ((float) Math.sqrt(v) + epsilon);
        }
    }

    /** libnd4j's Nesterov momentum: the block's state is the velocity. */
    private static void nesterovs(Nesterovs nesterovs, float[] velocity, float[] gradient, int start, int end,
                                  int iteration, int epoch) {
        float momentum = (float) nesterovs.currentMomentum(iteration, epoch);
        float rate = (float) nesterovs.getLearningRate(iteration, epoch);
        for (int k = 0; k < end - start; k++) {
            float previous = momentum * velocity[k];
            float current = previous - rate * gradient[start + k];
            velocity[k] = current;
            gradient[start + k] = previous - (momentum + 1) * current;
        }
    }

    private static void axpy(float a, float[] x, float[] y, Param param) {
        for (int k = param.offset(); k < param.offset() + param.length(); k++) {
            y[k] += a * x[k];
        }
    }

    private static double sumOfSquares(float[] params, Param param) {
        return sumOfSquares(params, param.offset(), param.offset() + param.length());
    }

    /**
     * @return the sum of the squares of {@code values[from..to)}, as four sums side by side: the JIT does not turn
     *     a floating-point sum into vector code, but runs these at once
     */
    static double sumOfSquares(float[] values, int from, int to) {
        double a = 0;
        double b = 0;
        double c = 0;
        double d = 0;
        int k = from;
        for (; k + 3 < to; k += 4) {
            a += values[k] * values[k];
            b += values[k + 1] * values[k + 1];
            c += values[k + 2] * values[k + 2];
            d += values[k + 3] * values[k + 3];
        }
        for (; k < to; k++) {
            a += values[k] * values[k];
        }
        return a + b + c + d;
    }

    private static double sumOfAbsolutes(float[] params, Param param) {
        double sum = 0;
        for (int k = param.offset(); k < param.offset() + param.length(); k++) {
            sum += Math.abs(params[k]);
        }
        return sum;
    }
}
