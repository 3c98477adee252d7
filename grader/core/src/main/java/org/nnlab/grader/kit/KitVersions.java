package org.nnlab.grader.kit;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The versions a student kit's pom names, the same as the grader's own build: ND4J and DL4J, Jackson, SLF4J and the
 * Maven plugins. Read from {@code kit.properties}, which the build fills in.
 *
 * @param nd4j            ND4J and DL4J
 * @param jackson         Jackson databind, which the nnlab classes use
 * @param slf4j           SLF4J (its no-op binding silences ND4J's logging, as in the sandbox)
 * @param compilerPlugin  maven-compiler-plugin
 * @param resourcesPlugin maven-resources-plugin
 * @param cleanPlugin     maven-clean-plugin
 * @param execPlugin      exec-maven-plugin, which runs the training
 */
record KitVersions(String nd4j, String jackson, String slf4j, String compilerPlugin, String resourcesPlugin,
                   String cleanPlugin, String execPlugin) {

    /** @return the versions of this build */
    static KitVersions ofThisBuild() {
        Properties properties = new Properties();
        try (InputStream in = KitVersions.class.getResourceAsStream("kit.properties")) {
            if (in == null) {
                throw new IllegalStateException("kit.properties is missing from the class path");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException("kit.properties cannot be read: " + e.getMessage(), e);
        }
        return new KitVersions(get(properties, "nd4j"), get(properties, "jackson"), get(properties, "slf4j"),
                get(properties, "compilerPlugin"), get(properties, "resourcesPlugin"),
                get(properties, "cleanPlugin"), get(properties, "execPlugin"));
    }

    private static String get(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank() || value.contains("${")) {
            throw new IllegalStateException("kit.properties has no version for '" + key + "': rebuild nnlab");
        }
        return value.strip();
    }
}
