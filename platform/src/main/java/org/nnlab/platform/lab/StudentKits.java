package org.nnlab.platform.lab;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nnlab.datasets.obtain.DatasetLoader;
import org.nnlab.grader.kit.StudentKit;
import org.nnlab.grader.lab.Lab;

/**
 * Writes a lab's student kit for download. The kit jar travels in the war as {@code WEB-INF/kit/nnlab-kit.jar}, a
 * file handed out, never loaded here; it is copied once into the data folder, where the kit writer reads it.
 */
@ApplicationScoped
public class StudentKits {
    /** Where the war carries the kit jar. */
    static final String KIT_JAR_RESOURCE = "/WEB-INF/kit/nnlab-kit.jar";
    private Path kitJar;

    @Inject
    @ConfigProperty(name = "nnlab.data.dir")
    String dataDirectory;

    /**
     * Writes the kit of {@code lab} as a zip.
     *
     * @param context the web app, which carries the kit jar
     * @param out     where the zip goes; left open
     */
    public void write(Lab lab, ServletContext context, OutputStream out) throws IOException {
        Path dataset = DatasetLoader.standard().load(lab.dataset()).file();
        StudentKit.write(lab, kitJar(context), dataset, out);
    }

    /** @return the zip's file name, e.g. {@code digits-regularization-kit.zip} */
    public String fileName(Lab lab) {
        return StudentKit.rootFolder(lab) + ".zip";
    }

    private synchronized Path kitJar(ServletContext context) throws IOException {
        if (kitJar == null) {
            Path copy = Path.of(dataDirectory).toAbsolutePath().resolve("kit").resolve("nnlab-kit.jar");
            Files.createDirectories(copy.getParent());
            try (InputStream in = context.getResourceAsStream(KIT_JAR_RESOURCE)) {
                if (in == null) {
                    throw new IOException("this build of nnlab carries no kit jar (" + KIT_JAR_RESOURCE + "); "
                            + "build the whole project with 'mvn package'");
                }
                Path partial = Files.createTempFile(copy.getParent(), "nnlab-kit", ".part");
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            kitJar = copy;
        }
        return kitJar;
    }
}
