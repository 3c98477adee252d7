package org.nnlab.grader.sandbox;

import java.nio.file.Path;

/**
 * A host path made visible inside a sandbox.
 *
 * @param host     the path on the host
 * @param inside   the absolute path it appears at inside the sandbox
 * @param writable whether the sandboxed process may write to it
 */
public record Mount(Path host, String inside, boolean writable) {

    /** @return a read-only mount of {@code host} at the same path inside */
    public static Mount readOnly(Path host) {
        return new Mount(host, host.toAbsolutePath().toString(), false);
    }

    /** @return a read-only mount of {@code host} at {@code inside} */
    public static Mount readOnly(Path host, String inside) {
        return new Mount(host, inside, false);
    }

    /** @return a writable mount of {@code host} at {@code inside} */
    public static Mount writable(Path host, String inside) {
        return new Mount(host, inside, true);
    }
}
