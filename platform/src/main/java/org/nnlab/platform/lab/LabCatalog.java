package org.nnlab.platform.lab;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.nnlab.grader.lab.Lab;
import org.nnlab.grader.lab.LabException;
import org.nnlab.platform.grading.GraderProvider;

/**
 * The labs found in the labs folder ({@code nnlab.labs.dir}), each validated by the grader's lab loader at start.
 * A lab that fails to load is left out and its error logged and kept for instructors.
 */
@ApplicationScoped
public class LabCatalog {
    private static final Logger LOG = Logger.getLogger(LabCatalog.class.getName());
    private final Map<String, Lab> labs = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    @Inject
    @ConfigProperty(name = "nnlab.labs.dir")
    String labsDirectory;

    @Inject
    GraderProvider graders;

    @PostConstruct
    void load() {
        Path root = Path.of(labsDirectory).toAbsolutePath().normalize();
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.filter(f -> Files.isRegularFile(f.resolve("lab.yaml"))).sorted().toList()) {
                try {
                    Lab lab = graders.labLoader().load(folder);
                    labs.put(lab.id(), lab);
                } catch (LabException e) {
                    problems.add(e.getMessage());
                    LOG.warning("lab left out: " + e.getMessage());
                }
            }
        } catch (IOException e) {
            problems.add("cannot read the labs folder " + root + ": " + e.getMessage());
            LOG.severe(problems.get(problems.size() - 1));
        }
        LOG.info("lab catalog: " + labs.keySet() + " from " + root);
    }

    /** @return the lab with that id */
    public Optional<Lab> lab(String id) {
        return Optional.ofNullable(labs.get(id));
    }

    /** @return every lab, by folder name */
    public List<Lab> all() {
        return List.copyOf(labs.values());
    }

    /** @return why labs were left out */
    public List<String> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** @return the text of a file of a lab folder, e.g. its instructions or a starter source */
    public String read(Lab lab, String relative) {
        Path file = lab.directory().resolve(relative).normalize();
        if (!file.startsWith(lab.directory())) {
            throw new IllegalArgumentException("outside the lab folder: " + relative);
        }
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** @return the starter sources of a lab, by file name */
    public Map<String, String> starterSources(Lab lab) {
        Map<String, String> sources = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(lab.starterDirectory())) {
            files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> sources.put(
                    lab.starterDirectory().relativize(f).toString(), read(lab, lab.directory().relativize(f)
                            .toString())));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the starter of " + lab.id() + ": " + e.getMessage(), e);
        }
        return sources;
    }
}
