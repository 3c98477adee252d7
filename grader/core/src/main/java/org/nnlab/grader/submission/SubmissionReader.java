package org.nnlab.grader.submission;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.nnlab.grader.lab.Lab;

/**
 * Reads submitted files ({@code .java} files, or {@code .zip} archives of them) into a {@link Submission}, and
 * refuses with a clear message what cannot be graded: another file type, an empty or too large file, a zip entry
 * outside the zip's root, too many files or zip entries, text that is not UTF-8 or is binary, a class in nnlab's own
 * packages, or sources without the lab's entry class; and answers the lab does not ask for or that are too long.
 */
public final class SubmissionReader {
    /** The most source files a submission may have. */
    public static final int MAX_FILES = 50;
    /** The largest source file accepted. */
    public static final int MAX_FILE_BYTES = 256 * 1024;
    /** The most source text a submission may have in all. */
    public static final int MAX_TOTAL_BYTES = 1024 * 1024;
    /** The most entries a zip may have, folders and skipped files included. */
    public static final int MAX_ZIP_ENTRIES = 500;
    /** The packages of nnlab's own classes (the API, the harness): no submitted class may join them. */
    public static final String RESERVED_PACKAGE = "org.nnlab";
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([A-Za-z_$][A-Za-z0-9_$.]*)\\s*;");
    private static final Pattern BINARY = Pattern.compile("[\\x00-\\x08\\x0B\\x0E-\\x19\\x1B-\\x1F]");

    /**
     * @param files      the submitted files
     * @param entryClass the class the lab runs, e.g. {@code Solution} or {@code my.pkg.Solution}
     * @return the sources, without answers
     * @throws SubmissionException when the files cannot be graded
     */
    public Submission read(List<Path> files, String entryClass) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            try {
                if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                    readZip(file, sources);
                } else {
                    add(sources, name, Files.readAllBytes(file), Files.size(file));
                }
            } catch (IOException e) {
                throw new SubmissionException("Cannot read " + name + ": " + e.getMessage());
            }
        }
        return check(sources, entryClass);
    }

    /**
     * @param sources    pasted sources by file name
     * @param entryClass the class the lab runs
     * @return the sources, without answers
     * @throws SubmissionException when they cannot be graded
     */
    public Submission fromText(Map<String, String> sources, String entryClass) {
        Map<String, String> checked = new LinkedHashMap<>();
        sources.forEach((name, text) -> {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            add(checked, name, bytes, bytes.length);
        });
        return check(checked, entryClass);
    }

    /**
     * Checks a submission's answers against those the lab asks for.
     *
     * @param asked   the lab's answers
     * @param answers the submitted answers by id
     * @throws SubmissionException naming an answer the lab does not ask for, or one longer than it accepts
     */
    public static void checkAnswers(List<Lab.AnswerSpec> asked, Map<String, String> answers) {
        for (Map.Entry<String, String> answer : answers.entrySet()) {
            Lab.AnswerSpec spec = asked.stream().filter(a -> a.id().equals(answer.getKey())).findFirst()
                    .orElseThrow(() -> new SubmissionException("The lab asks for no answer '" + answer.getKey()
                            + "'; it asks for: " + asked.stream().map(Lab.AnswerSpec::id).toList() + "."));
            if (answer.getValue().length() > spec.maxChars()) {
                throw new SubmissionException("The answer '" + spec.id() + "' has " + answer.getValue().length()
                        + " characters; at most " + spec.maxChars() + " are accepted.");
            }
        }
    }

    private void readZip(Path zip, Map<String, String> sources) throws IOException {
        byte[] magic;
        try (InputStream in = Files.newInputStream(zip)) {
            magic = in.readNBytes(4);
        }
        if (magic.length < 4 || magic[0] != 'P' || magic[1] != 'K' || magic[2] != 3 || magic[3] != 4) {
            throw new SubmissionException("The file " + zip.getFileName() + " is not a valid zip archive.");
        }
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            int entries = 0;
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (++entries > MAX_ZIP_ENTRIES) {
                    throw new SubmissionException("The zip " + zip.getFileName() + " has more than " + MAX_ZIP_ENTRIES
                            + " entries. Zip only your .java files.");
                }
                String path = entry.getName().replace('\\', '/');
                if (path.startsWith("/") || path.contains("../") || path.equals("..") || path.matches("^[A-Za-z]:.*")) {
                    throw new SubmissionException("The zip " + zip.getFileName() + " has an entry outside its root: "
                            + entry.getName() + ". Zip only your .java files.");
                }
                if (entry.isDirectory()) {
                    continue;
                }
                byte[] bytes = readCapped(in, path); // skipped files too: skipping would inflate them all the same
                if (!path.startsWith("__MACOSX/") && !path.endsWith("/.DS_Store") && !path.equals(".DS_Store")) {
                    add(sources, path, bytes, bytes.length);
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new SubmissionException("The file " + zip.getFileName() + " is not a valid zip: " + e.getMessage());
        }
    }

    private static byte[] readCapped(InputStream in, String path) throws IOException {
        byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        if (bytes.length > MAX_FILE_BYTES) {
            throw tooLarge(path);
        }
        return bytes;
    }

    private static void add(Map<String, String> sources, String path, byte[] bytes, long size) {
        if (!path.endsWith(".java")) {
            throw new SubmissionException("The file " + path + " is not a Java source: submit .java files, or a .zip "
                    + "of them.");
        }
        if (!path.matches("([A-Za-z0-9_$-]+/)*[A-Za-z_$][A-Za-z0-9_$]*\\.java")) {
            throw new SubmissionException("The file name " + path + " is not a valid Java source file name.");
        }
        if (size > MAX_FILE_BYTES) {
            throw tooLarge(path);
        }
        if (bytes.length == 0 || new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            throw new SubmissionException("The file " + path + " is empty.");
        }
        if (sources.size() >= MAX_FILES) {
            throw new SubmissionException("The submission has more than " + MAX_FILES + " files.");
        }
        if (sources.containsKey(path)) {
            throw new SubmissionException("The file " + path + " was submitted twice.");
        }
        String text = utf8(path, bytes);
        if (BINARY.matcher(text).find()) {
            throw new SubmissionException("The file " + path + " is binary, not Java source text.");
        }
        String declared = declaredPackage(text);
        String folder = path.contains("/") ? path.substring(0, path.lastIndexOf('/')).replace('/', '.') : "";
        for (String pkg : List.of(declared, folder)) {
            if (pkg.equals(RESERVED_PACKAGE) || pkg.startsWith(RESERVED_PACKAGE + ".")) {
                throw new SubmissionException("The file " + path + " is in the package " + pkg + ", which belongs "
                        + "to nnlab: put your classes in the default package or in a package of your own.");
            }
        }
        sources.put(path, text);
    }

    private static String declaredPackage(String source) {
        Matcher matcher = PACKAGE.matcher(source);
        return matcher.find() ? matcher.group(1) : "";
    }

    private static String utf8(String path, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new SubmissionException("The file " + path + " is not UTF-8 text.");
        }
    }

    private static SubmissionException tooLarge(String path) {
        return new SubmissionException("The file " + path + " is larger than " + MAX_FILE_BYTES / 1024
                + " KiB; a lab solution is much smaller.");
    }

    /**
     * Checks the sizes of sources however they came: no file larger than {@link #MAX_FILE_BYTES}, no more than
     * {@link #MAX_TOTAL_BYTES} in all (in UTF-8).
     *
     * @param sources relative path to source text
     * @throws SubmissionException naming the file, or the total, that is too large
     */
    public static void checkSizes(Map<String, String> sources) {
        long total = 0;
        for (Map.Entry<String, String> source : sources.entrySet()) {
            int bytes = source.getValue().getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_FILE_BYTES) {
                throw tooLarge(source.getKey());
            }
            total += bytes;
        }
        if (total > MAX_TOTAL_BYTES) {
            throw new SubmissionException("The submission has " + total / 1024 + " KiB of sources, more than the "
                    + MAX_TOTAL_BYTES / 1024 + " KiB allowed.");
        }
    }

    private static Submission check(Map<String, String> sources, String entryClass) {
        if (sources.isEmpty()) {
            throw new SubmissionException("The submission holds no .java file.");
        }
        checkSizes(sources);
        String simpleName = entryClass.substring(entryClass.lastIndexOf('.') + 1);
        String entryFile = sources.keySet().stream()
                .filter(path -> path.equals(simpleName + ".java") || path.endsWith("/" + simpleName + ".java"))
                .findFirst().orElseThrow(() -> new SubmissionException("The lab runs the class " + entryClass
                        + ", but no file " + simpleName + ".java was submitted. It must declare public class "
                        + simpleName + " implements LabSolution."));
        if (!java.util.regex.Pattern.compile("\\bclass\\s+" + java.util.regex.Pattern.quote(simpleName) + "\\b")
                .matcher(sources.get(entryFile)).find()) {
            throw new SubmissionException("The lab runs the class " + entryClass + ", but " + entryFile
                    + " does not declare it. It must declare public class " + simpleName + " implements LabSolution.");
        }
        return new Submission(sources, Map.of());
    }
}
