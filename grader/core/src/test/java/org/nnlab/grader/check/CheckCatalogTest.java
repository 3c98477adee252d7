package org.nnlab.grader.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCatalogTest {
    @TempDir
    Path extensions;

    @Test
    void aCheckTypeInAnExtensionJarJoinsTheCatalogueAfterTheBuiltInOnes() throws IOException {
        extensionJar("example.jar", ExampleCheckType.class.getName());

        CheckCatalog catalog = CheckCatalog.builtIn().extensions(extensions);

        assertEquals("example-reported", catalog.types().stream().reduce((a, b) -> b).orElseThrow().name());
        assertEquals(CheckCatalog.builtIn().types().size() + 1, catalog.types().size());
    }

    @Test
    void anExtensionCannotTakeTheNameOfABuiltInType() throws IOException {
        extensionJar("clash.jar", ClashingCheckType.class.getName());

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> CheckCatalog.builtIn().extensions(extensions));

        assertTrue(error.getMessage().contains("a check type named 'curves' is already registered"));
    }

    @Test
    void aMissingExtensionsFolderIsNamed() {
        Path missing = extensions.resolve("nowhere");

        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> CheckCatalog.builtIn().extensions(missing));

        assertEquals("The check extensions folder " + missing + " does not exist.", error.getMessage());
    }

    @Test
    void anExtensionThatCannotBeLoadedIsReportedAsSuch() throws IOException {
        extensionJar("broken.jar", "org.example.NoSuchCheckType");

        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> CheckCatalog.builtIn().extensions(extensions));

        assertTrue(error.getMessage().startsWith("A check extension cannot be loaded:"), error.getMessage());
    }

    /** A type that takes a built-in name. */
    public static final class ClashingCheckType implements CheckType {
        @Override
        public String name() {
            return "curves";
        }

        @Override
        public String description() {
            return "clashes";
        }

        @Override
        public Check create(org.nnlab.grader.lab.Fields params) {
            return evidence -> CheckOutcome.pass("");
        }
    }

    private void extensionJar(String name, String typeClass) throws IOException {
        try (OutputStream file = Files.newOutputStream(extensions.resolve(name));
             JarOutputStream jar = new JarOutputStream(file)) {
            jar.putNextEntry(new JarEntry("META-INF/services/" + CheckType.class.getName()));
            jar.write((typeClass + "\n").getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
    }
}
