package org.nnlab.grader.result;

/**
 * Everything a result depends on, so that it can be reproduced and compared.
 *
 * @param graderVersion nnlab's version
 * @param labId         the lab
 * @param labVersion    the lab file's version
 * @param datasetSha256 checksum of the data file
 * @param seed          the lab seed (split and solution)
 * @param jdk           the JDK of the sandboxed JVMs
 * @param nd4jBackend   the ND4J backend, e.g. {@code nd4j-native 1.0.0-M2.1 (CPU)}
 * @param sandbox       how the code was isolated
 */
public record Provenance(String graderVersion, String labId, int labVersion, String datasetSha256, long seed,
                         String jdk, String nd4jBackend, String sandbox) {
}
