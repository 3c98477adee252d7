package org.nnlab.datasets;

import java.nio.file.Path;

/**
 * A data set loaded and verified: its catalog entry, its examples in file order and where they came from.
 *
 * @param spec   the catalog entry; its {@code sha256} is the checksum the file was verified against
 * @param data   every example, in the order of the file
 * @param file   the file that was read
 * @param origin how the file was obtained, e.g. "cache" or "environment variable NNLAB_DATASET_DIGITS"
 */
public record Dataset(DatasetSpec spec, LabeledData data, Path file, String origin) {
}
