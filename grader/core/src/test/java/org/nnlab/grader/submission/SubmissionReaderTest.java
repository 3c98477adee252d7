package org.nnlab.grader.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.grader.lab.Lab;

class SubmissionReaderTest {
    private static final String SOLUTION = "public class Solution {}";
    private final SubmissionReader reader = new SubmissionReader();

    @TempDir
    Path temp;

    @Test
    void javaFilesAndZipsAreReadByRelativePath() throws IOException {
        Path file = write("Solution.java", SOLUTION);
        Path zip = zip("more.zip", Map.of("model/Net.java", "class Net {}", "__MACOSX/._Net.java", "x"));

        Submission submission = reader.read(List.of(file, zip), "Solution");

        assertEquals(Map.of("Solution.java", SOLUTION, "model/Net.java", "class Net {}"), submission.sources());
    }

    @Test
    void aZipEntryOutsideItsRootIsRefused() throws IOException {
        Path zip = zip("evil.zip", Map.of("../../etc/Solution.java", SOLUTION));

        assertEquals("The zip evil.zip has an entry outside its root: ../../etc/Solution.java. Zip only your .java "
                + "files.", refusal(zip));
    }

    @Test
    void anotherFileTypeIsRefused() throws IOException {
        assertEquals("The file Solution.class is not a Java source: submit .java files, or a .zip of them.",
                refusal(write("Solution.class", "cafebabe")));
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        assertEquals("The file Solution.java is empty.", refusal(write("Solution.java", "  \n")));
    }

    @Test
    void aTooLargeFileIsRefused() throws IOException {
        assertEquals("The file Solution.java is larger than 256 KiB; a lab solution is much smaller.",
                refusal(write("Solution.java", "x".repeat(SubmissionReader.MAX_FILE_BYTES + 1))));
    }

    @Test
    void tooManyFilesAreRefused() throws IOException {
        Map<String, String> files = new java.util.HashMap<>();
        for (int i = 0; i <= SubmissionReader.MAX_FILES; i++) {
            files.put("C" + i + ".java", "class C" + i + " {}");
        }

        assertEquals("The submission has more than 50 files.", refusal(zip("many.zip", files)));
    }

    @Test
    void aMissingEntryClassIsNamed() throws IOException {
        assertEquals("The lab runs the class Solution, but no file Solution.java was submitted. It must declare "
                + "public class Solution implements LabSolution.", refusal(write("Answer.java", "class Answer {}")));
    }

    @Test
    void anEntryFileThatDoesNotDeclareTheEntryClassIsRefused() {
        SubmissionException error = assertThrows(SubmissionException.class,
                () -> reader.fromText(Map.of("Solution.java", "class Other {}"), "Solution"));

        assertEquals("The lab runs the class Solution, but Solution.java does not declare it. It must declare public "
                + "class Solution implements LabSolution.", error.getMessage());
    }

    @Test
    void textThatIsNotUtf8IsRefused() throws IOException {
        Path file = temp.resolve("Solution.java");
        Files.write(file, new byte[] {'c', 'l', (byte) 0xff, (byte) 0xfe, 's'});

        assertEquals("The file Solution.java is not UTF-8 text.", refusal(file));
    }

    @Test
    void aFileThatIsNotAZipIsRefused() throws IOException {
        Path file = write("broken.zip", "not a zip at all");

        assertEquals("The file broken.zip is not a valid zip archive.", refusal(file));
    }

    @Test
    void pastedSourcesAreCheckedTheSameWay() {
        assertEquals(Map.of("Solution.java", SOLUTION),
                reader.fromText(Map.of("Solution.java", SOLUTION), "Solution").sources());
        assertThrows(SubmissionException.class, () -> reader.fromText(Map.of("Solution.java", ""), "Solution"));
    }

    @Test
    void aBinaryFileNamedLikeJavaIsRefused() throws IOException {
        Path file = temp.resolve("Solution.java");
        Files.write(file, new byte[] {'c', 'l', 0, 0, 1, 2, 's'});

        assertEquals("The file Solution.java is binary, not Java source text.", refusal(file));
    }

    @Test
    void aClassInNnlabsOwnPackagesIsRefusedByItsFolderOrItsDeclaration() throws IOException {
        Path zipped = zip("harness.zip", Map.of("Solution.java", SOLUTION,
                "org/nnlab/harness/train/TrainingMain.java", "class TrainingMain {}"));
        Path declared = write("Helper.java", "// a helper\npackage org.nnlab.api;\nclass Helper {}");

        assertEquals("The file org/nnlab/harness/train/TrainingMain.java is in the package org.nnlab.harness.train, "
                + "which belongs to nnlab: put your classes in the default package or in a package of your own.",
                refusal(zipped));
        assertEquals("The file Helper.java is in the package org.nnlab.api, which belongs to nnlab: put your classes "
                + "in the default package or in a package of your own.", refusal(declared));
    }

    @Test
    void aZipOfTooManyEntriesIsRefusedEvenWhenTheyAreFolders() throws IOException {
        Map<String, String> folders = new java.util.HashMap<>();
        for (int i = 0; i <= SubmissionReader.MAX_ZIP_ENTRIES; i++) {
            folders.put("d" + i + "/", "");
        }

        assertEquals("The zip folders.zip has more than 500 entries. Zip only your .java files.",
                refusal(zip("folders.zip", folders)));
    }

    @Test
    void aHugeFileAmongTheSkippedOnesIsRefusedBeforeItIsInflatedWhole() throws IOException {
        Path zip = zip("mac.zip", Map.of("Solution.java", SOLUTION,
                "__MACOSX/._Solution.java", "0".repeat(SubmissionReader.MAX_FILE_BYTES + 1)));

        assertEquals("The file __MACOSX/._Solution.java is larger than 256 KiB; a lab solution is much smaller.",
                refusal(zip));
    }

    @Test
    void answersAreCheckedAgainstTheLabsQuestionsAndLengths() {
        List<Lab.AnswerSpec> asked = List.of(new Lab.AnswerSpec(
                "reflection", "Reflection", "Why?", 10));

        SubmissionReader.checkAnswers(asked, Map.of("reflection", "0123456789"));
        assertEquals("The answer 'reflection' has 11 characters; at most 10 are accepted.", assertThrows(
                SubmissionException.class, () -> SubmissionReader.checkAnswers(asked, Map.of("reflection",
                        "0123456789!"))).getMessage());
        assertEquals("The lab asks for no answer 'essay'; it asks for: [reflection].", assertThrows(
                SubmissionException.class, () -> SubmissionReader.checkAnswers(asked, Map.of("essay", "x")))
                .getMessage());
    }

    private String refusal(Path file) {
        return assertThrows(SubmissionException.class, () -> reader.read(List.of(file), "Solution")).getMessage();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(temp.resolve(name), text, StandardCharsets.UTF_8);
    }

    private Path zip(String name, Map<String, String> entries) throws IOException {
        Path zip = temp.resolve(name);
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipOut = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> entry : new java.util.TreeMap<>(entries).entrySet()) {
                zipOut.putNextEntry(new ZipEntry(entry.getKey()));
                zipOut.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zipOut.closeEntry();
            }
        }
        return zip;
    }

    @Test
    void sourcesThatCameAnyOtherWayAreHeldToTheSameSizes() {
        String large = "class Solution {}\n" + "// padding\n".repeat(30_000);
        String medium = "// padding\n".repeat(20_000);

        assertEquals("The file Solution.java is larger than 256 KiB; a lab solution is much smaller.",
                assertThrows(SubmissionException.class, () -> SubmissionReader.checkSizes(Map.of("Solution.java",
                        large))).getMessage());
        assertEquals("The submission has 1289 KiB of sources, more than the 1024 KiB allowed.",
                assertThrows(SubmissionException.class, () -> SubmissionReader.checkSizes(Map.of("A.java", medium,
                        "B.java", medium, "C.java", medium, "D.java", medium, "E.java", medium, "F.java", medium)))
                        .getMessage());
    }
}
