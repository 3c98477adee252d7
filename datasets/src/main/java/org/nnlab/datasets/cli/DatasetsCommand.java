package org.nnlab.datasets.cli;

import java.io.PrintStream;
import java.util.Arrays;
import org.nnlab.datasets.Dataset;
import org.nnlab.datasets.DatasetException;
import org.nnlab.datasets.obtain.DatasetLoader;
import org.nnlab.datasets.split.Split;
import org.nnlab.datasets.split.SplitFractions;
import org.nnlab.datasets.split.SplitPart;
import org.nnlab.datasets.split.StratifiedSplitter;

/**
 * {@code datasets info ID [--seed N]}: obtains and verifies a data set (fetching it into the cache if needed),
 * then prints its shape, class counts, origin and its 70/15/15 stratified split for the seed.
 */
public final class DatasetsCommand {
    private static final String USAGE = "usage: datasets info ID [--seed N]   (e.g. datasets info digits --seed 42)";

    private DatasetsCommand() {
    }

    /** @param args the command line */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2 && !(args.length == 4 && args[2].equals("--seed")) || !args[0].equals("info")) {
            err.println(USAGE);
            return 2;
        }
        long seed;
        try {
            seed = args.length == 4 ? Long.parseLong(args[3]) : 42;
        } catch (NumberFormatException e) {
            err.println("--seed takes an integer, got '" + args[3] + "'\n" + USAGE);
            return 2;
        }
        try {
            Dataset dataset = DatasetLoader.standard().load(args[1]);
            describe(dataset, seed, out);
            return 0;
        } catch (DatasetException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    private static void describe(Dataset dataset, long seed, PrintStream out) {
        out.printf("%s: %s%n", dataset.spec().id(), dataset.spec().title());
        out.printf("  file     %s (%s)%n  sha256   %s (verified)%n", dataset.file(), dataset.origin(),
                dataset.spec().sha256());
        out.printf("  shape    %d rows x %d features, %d classes%n", dataset.data().rows(),
                dataset.data().featureCount(), dataset.data().classCount());
        out.printf("  classes  %s%n", Arrays.toString(dataset.data().classCounts()));
        Split split = new StratifiedSplitter(SplitFractions.SEVENTY_FIFTEEN_FIFTEEN, seed).split(dataset.data());
        out.printf("  split    70/15/15, seed %d: train %d, validation %d, test %d%n", seed,
                split.size(SplitPart.TRAIN), split.size(SplitPart.VALIDATION), split.size(SplitPart.TEST));
        out.printf("  indices  sha256 %s%n", split.fingerprint());
    }
}
