package org.nnlab.harness;

import java.io.IOException;
import java.nio.file.Path;
import org.nd4j.linalg.factory.Nd4j;
import org.nnlab.protocol.ProtocolJson;

/** What both harness entry points do first: read their job file and start the ND4J backend. */
public final class JobFiles {
    private static final long MAX_JOB_BYTES = 1 << 20;

    private JobFiles() {
    }

    /**
     * @param args  the command line, which must be the job file alone
     * @param type  the job's record
     * @param usage what to print when the command line is wrong (the process then exits with status 2)
     * @return the job
     */
    public static <T> T read(String[] args, Class<T> type, String usage) throws IOException {
        if (args.length != 1) {
            System.err.println(usage);
            System.exit(2);
        }
        return ProtocolJson.read(Path.of(args[0]), type, MAX_JOB_BYTES);
    }

    /** Starts the ND4J backend, which loads the native libraries. @return how long it took, in milliseconds */
    public static long startBackend() {
        long start = System.nanoTime();
        Nd4j.create(1);
        return (System.nanoTime() - start) / 1_000_000;
    }
}
