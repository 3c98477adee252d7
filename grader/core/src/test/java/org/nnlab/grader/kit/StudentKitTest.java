package org.nnlab.grader.kit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnlab.datasets.obtain.Checksums;
import org.nnlab.grader.check.CheckCatalog;
import org.nnlab.grader.lab.Lab;
import org.nnlab.grader.lab.LabLoader;
import org.nnlab.protocol.KitDescriptor;
import org.w3c.dom.Document;

class StudentKitTest {
    private static final Path DIGITS = Path.of(System.getProperty("nnlab.labs", "../../labs"))
            .resolve("digits-regularization");
    private static final String ROOT = "digits-regularization-kit/";

    @TempDir
    Path temp;
    private Lab lab;
    private Path jar;
    private Path dataset;

    @BeforeEach
    void aLabAFakeKitJarAndAFakeDataFile() throws IOException {
        lab = new LabLoader(CheckCatalog.builtIn()::create).load(DIGITS);
        jar = Files.write(temp.resolve("nnlab-kit.jar"), "not really a jar".getBytes(StandardCharsets.UTF_8));
        dataset = Files.write(temp.resolve("digits.csv.gz"), new byte[] {1, 2, 3});
    }

    @Test
    void theZipHoldsTheMavenProjectUnderOneRootFolder() throws IOException {
        String version = StudentKit.kitVersion(Files.readAllBytes(jar));
        String repo = "repo/org/nnlab/nnlab-kit/" + version + "/nnlab-kit-" + version;

        assertEquals(List.of("README.md", "pom.xml", ".mvn/jvm.config", "nnlab-lab.json", "instructions.md",
                "data/digits.csv.gz", "src/main/java/Solution.java", repo + ".jar", repo + ".jar.sha1", repo + ".pom",
                repo + ".pom.sha1"), entries().keySet().stream().map(name -> name.substring(ROOT.length())).toList());
    }

    @Test
    void theStarterDataInstructionsAndKitJarAreCopiedAsTheyAre() throws IOException {
        Map<String, byte[]> entries = entries();
        String version = StudentKit.kitVersion(Files.readAllBytes(jar));

        assertArrayEquals(Files.readAllBytes(DIGITS.resolve("starter/Solution.java")),
                entries.get(ROOT + "src/main/java/Solution.java"));
        assertArrayEquals(Files.readAllBytes(DIGITS.resolve("instructions.md")), entries.get(ROOT + "instructions.md"));
        assertArrayEquals(new byte[] {1, 2, 3}, entries.get(ROOT + "data/digits.csv.gz"));
        assertArrayEquals(Files.readAllBytes(jar), entries.get(ROOT + "repo/org/nnlab/nnlab-kit/" + version
                + "/nnlab-kit-" + version + ".jar"));
    }

    @Test
    void nothingOfTheReferenceSolutionOrItsAnswersIsInTheKit() throws IOException {
        List<byte[]> secrets;
        try (Stream<Path> files = Files.walk(lab.referenceDirectory())) {
            secrets = files.filter(Files::isRegularFile).map(StudentKitTest::bytes).toList();
        }
        byte[] labFile = Files.readAllBytes(DIGITS.resolve("lab.yaml"));

        for (Map.Entry<String, byte[]> entry : entries().entrySet()) {
            assertFalse(entry.getKey().contains("reference") || entry.getKey().contains("answers"), entry.getKey());
            assertFalse(Arrays.equals(labFile, entry.getValue()), entry.getKey() + " is the lab file");
            for (byte[] secret : secrets) {
                assertFalse(Arrays.equals(secret, entry.getValue()), entry.getKey() + " is a reference file");
            }
        }
    }

    @Test
    void everyEntryNameIsRelativeAndStaysInsideTheRootFolder() throws IOException {
        for (String name : entries().keySet()) {
            assertTrue(name.startsWith(ROOT), name);
            assertTrue(KitZip.isSafe(name), name);
            assertTrue(Path.of("/unzip").resolve(name).normalize().startsWith("/unzip/" + ROOT), name);
        }
    }

    @Test
    void unsafeNamesAreRecognized() {
        for (String name : List.of("../x", "/etc/passwd", "a/../b", "a/./b", "a//b", "a\\b", "C:/x", "a/", "",
                "\u0000")) {
            assertFalse(KitZip.isSafe(name), name);
        }
        assertTrue(KitZip.isSafe("src/main/java/my-pkg/Solution_2.java"));
        assertTrue(KitZip.isSafe(".mvn/jvm.config"));
    }

    @Test
    void theKitVersionIsTheFirst12HexDigitsOfTheJarsSha256() {
        byte[] one = "one jar".getBytes(StandardCharsets.UTF_8);
        byte[] other = "another jar".getBytes(StandardCharsets.UTF_8);

        assertEquals("1.0-" + Checksums.sha256(one).substring(0, 12), StudentKit.kitVersion(one));
        assertNotEquals(StudentKit.kitVersion(one), StudentKit.kitVersion(other));
        assertTrue(StudentKit.kitVersion(one).matches("1\\.0-[0-9a-f]{12}"));
    }

    @Test
    void thePomIsWellFormedXmlThatTakesTheKitFromItsOwnRepositoryAndRunsTheTraining() throws Exception {
        Document pom = xml(entries().get(ROOT + "pom.xml"));
        XPath xpath = XPathFactory.newInstance().newXPath();
        String version = StudentKit.kitVersion(Files.readAllBytes(jar));

        assertEquals(version, xpath.evaluate("/project/properties/nnlab.kit.version", pom));
        assertEquals("${nnlab.kit.version}",
                xpath.evaluate("/project/dependencies/dependency[artifactId='nnlab-kit']/version", pom));
        assertEquals("${project.baseUri}repo", xpath.evaluate("/project/repositories/repository/url", pom));
        assertEquals("17", xpath.evaluate("/project/properties/maven.compiler.release", pom));
        assertEquals("UTF-8", xpath.evaluate("/project/properties/project.build.sourceEncoding", pom));
        assertEquals("digits-regularization", xpath.evaluate("/project/artifactId", pom));
        assertEquals("org.nnlab.kit.LocalTraining",
                xpath.evaluate("/project/build/plugins/plugin[artifactId='exec-maven-plugin']/configuration/mainClass",
                        pom));
        assertEquals("1.0.0-M2.1", xpath.evaluate("/project/properties/nd4j.version", pom));
        assertEquals("linux-x86_64", xpath.evaluate("/project/properties/nd4j.native.classifier", pom));
        Map<String, String> profiles = new LinkedHashMap<>();
        org.w3c.dom.NodeList ids = (org.w3c.dom.NodeList) xpath.evaluate("/project/profiles/profile/id", pom,
                XPathConstants.NODESET);
        for (int i = 0; i < ids.getLength(); i++) {
            String id = ids.item(i).getTextContent();
            profiles.put(id, xpath.evaluate("/project/profiles/profile[id='" + id
                    + "']/properties/nd4j.native.classifier", pom));
        }
        assertEquals(Map.of("macosx-x86_64", "macosx-x86_64", "macosx-arm64", "macosx-arm64", "windows-x86_64",
                "windows-x86_64", "linux-arm64", "linux-arm64"), profiles);
        for (String plugin : List.of("maven-compiler-plugin", "maven-resources-plugin", "exec-maven-plugin")) {
            assertTrue(xpath.evaluate("/project/build/plugins/plugin[artifactId='" + plugin + "']/version", pom)
                    .matches("\\d+\\.\\d+\\.\\d+"), plugin + " has a pinned version");
        }
    }

    @Test
    void theKitJarsOwnPomIsWellFormedAndHasNoDependencies() throws Exception {
        String version = StudentKit.kitVersion(Files.readAllBytes(jar));
        Map<String, byte[]> entries = entries();
        String path = ROOT + "repo/org/nnlab/nnlab-kit/" + version + "/nnlab-kit-" + version;
        Document pom = xml(entries.get(path + ".pom"));
        XPath xpath = XPathFactory.newInstance().newXPath();

        assertEquals(version, xpath.evaluate("/project/version", pom));
        assertEquals("0", xpath.evaluate("count(//dependency)", pom));
        assertEquals(40, new String(entries.get(path + ".jar.sha1"), StandardCharsets.UTF_8).length());
    }

    @Test
    void theDescriptorHoldsTheSplitParametersAndRunsButNothingOfTheChecks() throws IOException {
        byte[] json = entries().get(ROOT + KitDescriptor.FILE);
        JsonNode tree = new ObjectMapper().readTree(json);
        KitDescriptor descriptor = new ObjectMapper().readValue(json, KitDescriptor.class);

        assertEquals(new KitDescriptor("digits-regularization", lab.title(), lab.version(), "digits",
                new KitDescriptor.Split(0.70, 0.15, 0.15, 42), "max", "Solution", lab.parameters(), List.of("A", "B"),
                1), descriptor);
        assertFalse(tree.has("checks") || tree.has("answers") || tree.has("reference"), tree.toString());
    }

    @Test
    void aStarterFolderThatHoldsTheReferenceIsRefused() throws IOException {
        Lab leaky = new Lab(DIGITS, lab.id(), lab.version(), lab.title(), lab.dataset(), lab.split(), lab.scaling(),
                lab.entryClass(), lab.parameters(), lab.limits(), lab.runs(), lab.answers(), lab.checks(),
                lab.instructions(), ".", lab.reference(), lab.submissions(), lab.evaluate(), lab.gpu());

        IOException error = assertThrows(IOException.class,
                () -> StudentKit.write(leaky, jar, dataset, new ByteArrayOutputStream()));

        assertTrue(error.getMessage().contains("holds the reference solution"), error.getMessage());
    }

    private Map<String, byte[]> entries() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        StudentKit.write(lab, jar, dataset, zip);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.toByteArray()))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static Document xml(byte[] content) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(content));
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
