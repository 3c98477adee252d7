package org.nnlab.datasets;

import java.util.Objects;

/**
 * What nnlab knows about one data set, read from the catalog: where its file may be found, the checksum
 * that proves it is the right file, and the shape it must have once parsed.
 *
 * @param id         stable identifier used by lab files, e.g. {@code digits}
 * @param title      human-readable name
 * @param file       file name of the data file, e.g. {@code digits.csv.gz}
 * @param sha256     lower-case hex SHA-256 of the data file
 * @param sizeBytes  exact size of the data file
 * @param format     how the file is laid out
 * @param rows       number of examples
 * @param features   number of features per example
 * @param classes    number of classes; labels are {@code 0..classes-1}
 * @param featureMax largest possible feature value, used to scale features to [0, 1]
 * @param sources    the places the file may be obtained from
 */
public record DatasetSpec(String id, String title, String file, String sha256, long sizeBytes, DatasetFormat format,
                          int rows, int features, int classes, double featureMax, Sources sources) {

    /** Checks that every field is present and plausible; a catalog entry that fails names its field. */
    public DatasetSpec {
        require(id != null && id.matches("[a-z0-9][a-z0-9-]*"), id, "id", "lower-case letters, digits and '-'");
        require(file != null && !file.isBlank() && !file.contains("/"), id, "file", "a plain file name");
        require(sha256 != null && sha256.matches("[0-9a-f]{64}"), id, "sha256", "64 lower-case hex digits");
        require(sizeBytes > 0, id, "sizeBytes", "a positive size");
        require(format != null, id, "format", "one of " + java.util.Arrays.toString(DatasetFormat.values()));
        require(rows > 0 && features > 0 && classes > 1, id, "rows/features/classes", "positive counts, classes > 1");
        require(featureMax > 0, id, "featureMax", "a positive number");
        Objects.requireNonNull(sources, "sources of data set " + id);
        title = title == null ? id : title;
    }

    private static void require(boolean ok, String id, String field, String expected) {
        if (!ok) {
            throw new IllegalArgumentException("data set catalog, entry '" + id + "': field '" + field
                    + "' must be " + expected);
        }
    }

    /**
     * Where the data file may come from, in the order they are tried after an explicit path.
     *
     * @param pathProperty            system property naming an explicit path to the file
     * @param pathEnvironmentVariable environment variable naming an explicit path to the file
     * @param scikitLearnPath         path of the file inside an installed {@code sklearn} package, or null
     * @param debianPackage           Debian package that ships the file, or null
     * @param debianPath              path of the file inside that package, without a leading slash
     */
    public record Sources(String pathProperty, String pathEnvironmentVariable, String scikitLearnPath,
                          String debianPackage, String debianPath) {
    }
}
