package org.nnlab.harness.train;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.datasets.split.SplitMix64;
import org.nnlab.harness.Tensors;
import org.nnlab.harness.fast.Minibatches;

/**
 * Minibatches of a data set in an order reshuffled at every {@link #reset()}, drawn from a seeded generator so that
 * runs are reproducible. Batches are cut from Java arrays, which is much faster at this size than
 * {@code INDArray.getRows}.
 *
 * <p>When DL4J's {@code fit} begins an epoch on this iterator, it first asks {@link #asyncSupported()}: the
 * iterator then tells its owner, so that a tracked run can train the epoch in the fast loop
 * ({@link #fastEpoch()}). {@code fit} then finds the iterator exhausted and resets it once before its own loop;
 * that one reset is skipped, or the epoch would be fitted twice.
 */
final class ShuffledBatches implements DataSetIterator {
    private static final long serialVersionUID = 1L;
    private final float[] features;
    private final float[] labels;
    private final int featureCount;
    private final int classCount;
    private final int batchSize;
    private final transient SplitMix64 random;
    private final int[] order;
    private int cursor;
    private transient DataSetPreProcessor preProcessor;
    private final transient Consumer<ShuffledBatches> fitStarts;
    private boolean skipReset;

    /** @param fitStarts told when DL4J's {@code fit} begins an epoch on this iterator */
    ShuffledBatches(float[] features, int[] labels, int featureCount, int classCount, int batchSize, long seed,
                    Consumer<ShuffledBatches> fitStarts) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        this.features = features;
        this.labels = Tensors.oneHotValues(labels, classCount);
        this.featureCount = featureCount;
        this.classCount = classCount;
        this.batchSize = batchSize;
        this.random = new SplitMix64(seed);
        this.order = java.util.stream.IntStream.range(0, labels.length).toArray();
        this.fitStarts = fitStarts;
        reset();
    }

    @Override
    public boolean hasNext() {
        return cursor < order.length;
    }

    @Override
    public DataSet next() {
        return next(batchSize);
    }

    @Override
    public DataSet next(int size) {
        if (!hasNext()) {
            throw new NoSuchElementException("the epoch is over: call reset()");
        }
        int rows = Math.min(size, order.length - cursor);
        float[] x = new float[rows * featureCount];
        float[] y = new float[rows * classCount];
        for (int i = 0; i < rows; i++) {
            int row = order[cursor + i];
            System.arraycopy(features, row * featureCount, x, i * featureCount, featureCount);
            System.arraycopy(labels, row * classCount, y, i * classCount, classCount);
        }
        cursor += rows;
        DataSet batch = new DataSet(Nd4j.create(x, new long[] {rows, featureCount}, DataType.FLOAT),
                Nd4j.create(y, new long[] {rows, classCount}, DataType.FLOAT));
        if (preProcessor != null) {
            preProcessor.preProcess(batch);
        }
        return batch;
    }

    @Override
    public int inputColumns() {
        return featureCount;
    }

    @Override
    public int totalOutcomes() {
        return classCount;
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        if (fitStarts != null && calledByFit()) {
            fitStarts.accept(this);
        }
        return false;
    }

    @Override
    public void reset() {
        if (skipReset) {
            skipReset = false;
            return;
        }
        random.shuffle(order);
        cursor = 0;
    }

    /**
     * @return the rest of this epoch for the fast loop (all of the next one when this one is over, as {@code fit}
     *     would reset it), or null when a preprocessor is set; once fitted, {@code fit}'s one reset is skipped
     */
    Minibatches fastEpoch() {
        if (preProcessor != null) {
            return null;
        }
        if (!hasNext()) {
            reset();
        }
        skipReset = true;
        return new Minibatches() {
            @Override
            public int batchSize() {
                return batchSize;
            }

            @Override
            public int next(float[][] x, float[][] y) {
                int rows = Math.min(batchSize, order.length - cursor);
                for (int i = 0; i < rows; i++) {
                    int row = order[cursor + i];
                    System.arraycopy(features, row * featureCount, x[i], 0, featureCount);
                    System.arraycopy(labels, row * classCount, y[i], 0, classCount);
                }
                cursor += rows;
                return rows;
            }
        };
    }

    /** @return the features, every row, row after row */
    float[] features() {
        return features;
    }

    int featureCount() {
        return featureCount;
    }

    private static boolean calledByFit() {
        return StackWalker.getInstance().walk(frames -> frames.skip(2).findFirst())
                .filter(frame -> frame.getClassName().equals(MultiLayerNetwork.class.getName())
                        && frame.getMethodName().equals("fitHelper"))
                .isPresent();
    }

    @Override
    public int batch() {
        return batchSize;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public List<String> getLabels() {
        return null;
    }
}
