package org.nnlab.grader.lab;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a lab folder's {@code lab.yaml} and checks it whole: every field, the files it names, and each check's
 * parameters (through the check catalogue given). Any problem is a {@link LabException} naming file and field.
 */
public final class LabLoader {
    /** The lab file's name inside a lab folder. */
    public static final String LAB_FILE = "lab.yaml";
    /** The most epochs a lab's parameters may ask for. */
    public static final int MAX_EPOCHS = 10_000;
    /** Check parameters that name one of the lab's runs, or a list of them. */
    private static final List<String> RUN_PARAMETERS = List.of("run", "runs", "slower", "trainedRun");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final Consumer<CheckSpec> checkValidator;

    /** @param checkValidator validates one check's type and parameters, throwing {@link LabException} */
    public LabLoader(Consumer<CheckSpec> checkValidator) {
        this.checkValidator = checkValidator;
    }

    /**
     * @param directory a lab folder
     * @return the lab it holds
     * @throws LabException when the folder or its lab file is invalid
     */
    public Lab load(Path directory) {
        Path file = directory.resolve(LAB_FILE);
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new LabException(name + ": no lab file; a lab folder must hold " + LAB_FILE);
        }
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (JacksonException e) {
            throw new LabException(name + ": not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        } catch (IOException e) {
            throw new LabException(name + ": cannot be read: " + e.getMessage());
        }
        Fields fields = new Fields(name, "", root);
        String id = fields.string("id");
        if (!id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw fields.invalid("id", "must be lower-case letters, digits and '-' (at most 64)");
        }
        Lab lab = new Lab(directory, id, fields.integer("version", 1), fields.string("title"),
                fields.string("dataset"), split(fields.object("split")), scaling(fields),
                entryClass(fields), parameters(fields), limits(fields.object("limits")), runs(fields),
                answers(fields), checks(fields), existing(fields, directory, "instructions", false),
                existing(fields, directory, "starter", true), existing(fields, directory, "reference", true),
                submissions(fields), evaluate(fields), gpu(fields));
        fields.finish();
        checkReferences(lab, fields);
        return lab;
    }

    /** Each run and answer a check names must be one the lab declares. */
    private static void checkReferences(Lab lab, Fields fields) {
        List<String> answers = lab.answers().stream().map(Lab.AnswerSpec::id).toList();
        for (int i = 0; i < lab.checks().size(); i++) {
            Fields params = lab.checks().get(i).params();
            String path = "checks[" + i + "].params.";
            for (String name : RUN_PARAMETERS) {
                for (String run : params.textsOf(name)) {
                    if (!lab.runs().contains(run)) {
                        throw fields.invalid(path + name, "names the run '" + run + "', which is not one of the "
                                + "lab's runs " + lab.runs());
                    }
                }
            }
            for (String answer : params.textsOf("answer")) {
                if (!answers.contains(answer)) {
                    throw fields.invalid(path + "answer", "names the answer '" + answer + "', which is not one of "
                            + "the lab's answers " + answers);
                }
            }
        }
    }

    private static Lab.SplitSpec split(Fields split) {
        Lab.SplitSpec spec = new Lab.SplitSpec(split.number("train", 0, 1), split.number("validation", 0, 1),
                split.number("test", 0, 1), split.integer("seed", 0));
        if (Math.abs(spec.train() + spec.validation() + spec.test() - 1) > 1e-9) {
            throw split.invalid("test", "makes the fractions add up to " + (spec.train() + spec.validation()
                    + spec.test()) + ", not 1");
        }
        split.finish();
        return spec;
    }

    private static Lab.Scaling scaling(Fields fields) {
        String value = fields.string("scaling", "max");
        try {
            return Lab.Scaling.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw fields.invalid("scaling", "must be one of max, standardize, none");
        }
    }

    private static String entryClass(Fields fields) {
        String entry = fields.string("entryClass", "Solution");
        if (!entry.matches("([A-Za-z_$][A-Za-z0-9_$]*\\.)*[A-Za-z_$][A-Za-z0-9_$]*")) {
            throw fields.invalid("entryClass", "must be a Java class name such as Solution or my.pkg.Solution");
        }
        return entry;
    }

    /** Parameters named {@code epochs} or {@code ...Epochs} count epochs: whole numbers within reason. */
    private static Map<String, Double> parameters(Fields fields) {
        Fields parameters = fields.objectOrEmpty("parameters");
        Map<String, Double> values = parameters.numbers();
        values.keySet().stream().filter(name -> name.equals("epochs") || name.endsWith("Epochs"))
                .forEach(name -> parameters.integerWithin(name, 1, MAX_EPOCHS));
        return values;
    }

    private static LabLimits limits(Fields limits) {
        LabLimits spec = new LabLimits(limits.integerWithin("wallSeconds", 1, 3600),
                limits.integerWithin("cpuSeconds", 1, 4 * 3600), limits.integerWithin("memoryMb", 256, 16 * 1024),
                limits.integerWithin("heapMb", 64, 16 * 1024), limits.integerWithin("processes", 16, 4096),
                limits.integerWithin("cpus", 1, 64), limits.integerWithin("outputKb", 1, 10 * 1024));
        if (spec.heapMb() >= spec.memoryMb()) {
            throw limits.invalid("heapMb", "must be less than memoryMb, which also holds native memory");
        }
        limits.finish();
        return spec;
    }

    private static SubmissionPolicy submissions(Fields fields) {
        if (!fields.has("submissions")) {
            return SubmissionPolicy.DEFAULT;
        }
        Fields policy = fields.object("submissions");
        SubmissionPolicy defaults = SubmissionPolicy.DEFAULT;
        int limit = policy.integer("limit", 1, defaults.limit());
        int minutes = policy.integer("windowMinutes", 1, (int) defaults.window().toMinutes());
        String counts = policy.string("counts", defaults.counts().label());
        SubmissionPolicy.Counts which;
        try {
            which = SubmissionPolicy.Counts.valueOf(counts.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw policy.invalid("counts", "must be best or latest");
        }
        policy.finish();
        return new SubmissionPolicy(limit, Duration.ofMinutes(minutes), which);
    }

    private static GpuUse gpu(Fields fields) {
        String value = fields.string("gpu", GpuUse.NONE.text());
        for (GpuUse use : GpuUse.values()) {
            if (use.text().equals(value)) {
                return use;
            }
        }
        throw fields.invalid("gpu", "must be none, preferred or required, not '" + value + "'");
    }

    private static Lab.EvaluationSpec evaluate(Fields fields) {
        if (!fields.has("evaluate")) {
            return Lab.EvaluationSpec.NONE;
        }
        Fields evaluate = fields.object("evaluate");
        Lab.EvaluationSpec spec = new Lab.EvaluationSpec(evaluate.integer("trainingSubset", 1, 0));
        evaluate.finish();
        return spec;
    }

    private static List<String> runs(Fields fields) {
        List<String> runs = fields.strings("runs");
        for (String run : runs) {
            if (!run.matches("[A-Za-z0-9_-]{1,32}")) {
                throw fields.invalid("runs", "names must be letters, digits, '_' or '-', got '" + run + "'");
            }
        }
        if (new HashSet<>(runs).size() != runs.size()) {
            throw fields.invalid("runs", "has a name twice");
        }
        return runs;
    }

    private static List<Lab.AnswerSpec> answers(Fields fields) {
        List<Lab.AnswerSpec> answers = new ArrayList<>();
        for (Fields answer : fields.objectsOrEmpty("answers")) {
            answers.add(new Lab.AnswerSpec(answer.string("id"), answer.string("title"), answer.string("prompt"),
                    answer.integer("maxChars", 1, 4000)));
            answer.finish();
        }
        return answers;
    }

    private List<CheckSpec> checks(Fields fields) {
        List<CheckSpec> checks = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Fields check : fields.objects("checks")) {
            CheckSpec spec = new CheckSpec(check.string("id"), check.string("type"), check.string("title"),
                    check.number("points", 0, 1000), check.bool("manual", false), check.objectOrEmpty("params"),
                    check.string("fix", null));
            if (!ids.add(spec.id())) {
                throw check.invalid("id", "'" + spec.id() + "' is used by another check");
            }
            check.finish();
            checkValidator.accept(spec);
            checks.add(spec);
        }
        return checks;
    }

    private static String existing(Fields fields, Path directory, String name, boolean folder) {
        String relative = fields.string(name);
        Path path = directory.resolve(relative).normalize();
        boolean ok = path.startsWith(directory.normalize())
                && (folder ? Files.isDirectory(path) : Files.isRegularFile(path));
        if (!ok) {
            throw fields.invalid(name, "names " + relative + ", which is not a " + (folder ? "folder" : "file")
                    + " inside the lab folder");
        }
        return relative;
    }
}
