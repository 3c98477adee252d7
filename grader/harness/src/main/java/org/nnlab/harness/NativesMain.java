package org.nnlab.harness;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Starts the ND4J backend once so that JavaCPP unpacks its native libraries into the directory named by
 * {@code -Dorg.bytedeco.javacpp.cachedir}. The grader runs this ahead of time, outside any sandbox, so that
 * sandboxes can load the libraries from a read-only directory instead of unpacking ~400 MB each time. Prints the
 * backend's name.
 */
public final class NativesMain {
    private NativesMain() {
    }

    /** @param args none */
    public static void main(String[] args) {
        Nd4j.create(1);
        System.out.println(Nd4j.getBackend().getClass().getSimpleName());
    }
}
