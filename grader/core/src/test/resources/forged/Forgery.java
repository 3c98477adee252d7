import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nnlab.api.LabContext;
import org.nnlab.api.LabSolution;
import org.nnlab.api.TrackedRun;

/**
 * What every forged submission shares: it trains the lab's reference solution (submitted beside it as Honest.java)
 * through this context, so that a forgery can step in before, during or after honest training, and it finds the
 * harness's files as a forger would, from the JVM's own command line.
 */
public abstract class Forgery implements LabSolution, LabContext {
    private LabContext ctx;
    /** The networks the reference tracked, by run name. */
    protected final Map<String, MultiLayerNetwork> networks = new LinkedHashMap<>();
    /** The harness's recorders of the tracked runs, by run name. */
    protected final Map<String, TrackedRun> runs = new LinkedHashMap<>();

    @Override
    public final void train(LabContext context) {
        ctx = context;
        try {
            before();
            new Honest().train(this);
            after();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs before honest training. */
    protected void before() throws Exception {
    }

    /** Runs after honest training, before the harness saves the networks and writes its report. */
    protected void after() throws Exception {
    }

    /** Runs {@code forgery} once the harness has written its report, as the JVM shuts down. */
    protected static void afterTheHarness(Forger forgery) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                forgery.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    /** @return the folder the harness writes its report and networks to, read from its job file */
    protected static Path output() throws IOException {
        List<String> arguments = List.of(ProcessHandle.current().info().arguments().orElseThrow());
        String job = Files.readString(Path.of(arguments.get(arguments.size() - 1)));
        Matcher folder = Pattern.compile("\"outputDirectory\"\\s*:\\s*\"([^\"]+)\"").matcher(job);
        if (!folder.find()) {
            throw new IOException("no output folder in " + job);
        }
        return Path.of(folder.group(1));
    }

    /**
     * Rewrites a zip file: keeps its entries but those {@code replaced} names, which get the given bytes (or are left
     * out when the bytes are null), and adds the names it did not hold.
     */
    protected static void rewriteZip(Path zip, Map<String, byte[]> replaced) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        entries.putAll(replaced);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                if (entry.getValue() != null) {
                    out.putNextEntry(new ZipEntry(entry.getKey()));
                    out.write(entry.getValue());
                    out.closeEntry();
                }
            }
        }
    }

    /** @return the bytes of one entry of a zip file */
    protected static byte[] zipEntry(Path zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new IOException(zip + " has no " + name);
    }

    /** @return the harness's own list of the epochs it recorded for a run, read with reflection */
    @SuppressWarnings("unchecked")
    protected List<Object> recordedEpochs(String run) throws ReflectiveOperationException {
        Object recorder = runs.get(run);
        java.lang.reflect.Field field = recorder.getClass().getDeclaredField("epochs");
        field.setAccessible(true);
        return (List<Object>) field.get(recorder);
    }

    /** @return a copy of a recorded epoch with the validation figures given; NaN keeps a figure as it was */
    protected static Object withValidation(Object epoch, double accuracy, double loss)
            throws ReflectiveOperationException {
        java.lang.reflect.RecordComponent[] components = epoch.getClass().getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            String name = components[i].getName();
            values[i] = name.equals("validationAccuracy") && !Double.isNaN(accuracy) ? accuracy
                    : name.equals("validationLoss") && !Double.isNaN(loss) ? loss
                    : components[i].getAccessor().invoke(epoch);
        }
        java.lang.reflect.Constructor<?> constructor = epoch.getClass().getDeclaredConstructor(types);
        constructor.setAccessible(true);
        return constructor.newInstance(values);
    }

    /** Something a forger does that may fail. */
    protected interface Forger {
        void run() throws Exception;
    }

    @Override
    public DataSet trainingSet() {
        return ctx.trainingSet();
    }

    @Override
    public DataSet validationSet() {
        return ctx.validationSet();
    }

    @Override
    public DataSetIterator trainingBatches(int batchSize) {
        return ctx.trainingBatches(batchSize);
    }

    @Override
    public long seed() {
        return ctx.seed();
    }

    @Override
    public int intParam(String name) {
        return ctx.intParam(name);
    }

    @Override
    public double doubleParam(String name) {
        return ctx.doubleParam(name);
    }

    @Override
    public TrackedRun track(String runName, MultiLayerNetwork network) {
        TrackedRun run = ctx.track(runName, network);
        networks.put(runName, network);
        runs.put(runName, run);
        return run;
    }

    @Override
    public void report(String key, double value) {
        ctx.report(key, value);
    }

    @Override
    public PrintStream log() {
        return ctx.log();
    }
}
