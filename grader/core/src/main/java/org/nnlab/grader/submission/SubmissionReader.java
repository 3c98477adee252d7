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
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads submitted files ({@code .java} files, or {@code .zip} archives of them) into a {@link Submission}, and
 * refuses with a clear message what cannot be graded: another file type, an empty or too large file, a zip entry
 * outside the zip's root, too many files, text that is not UTF-8, or sources without the lab's entry class.
 */
public final class SubmissionReader {
    /** The most source files a submission may have. */
    public static final int MAX_FILES = 50;
    /** The largest source file accepted. */
    public static final int MAX_FILE_BYTES = 256 * 1024;
    /** The most source text a submission may have in all. */
    public static final int MAX_TOTAL_BYTES = 1024 * 1024;

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

    private void readZip(Path zip, Map<String, String> sources) throws IOException {
        byte[] magic;
        try (InputStream in = Files.newInputStream(zip)) {
            magic = in.readNBytes(4);
        }
        if (magic.length < 4 || magic[0] != 'P' || magic[1] != 'K' || magic[2] != 3 || magic[3] != 4) {
            throw new SubmissionException("The file " + zip.getFileName() + " is not a valid zip archive.");
        }
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String path = entry.getName().replace('\\', '/');
                if (path.startsWith("/") || path.contains("../") || path.equals("..") || path.matches("^[A-Za-z]:.*")) {
                    throw new SubmissionException("The zip " + zip.getFileName() + " has an entry outside its root: "
                            + entry.getName() + ". Zip only your .java files.");
                }
                if (entry.isDirectory() || path.startsWith("__MACOSX/") || path.endsWith("/.DS_Store")
                        || path.equals(".DS_Store")) {
                    continue;
                }
                byte[] bytes = readCapped(in, path);
                add(sources, path, bytes, bytes.length);
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
        sources.put(path, utf8(path, bytes));
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
