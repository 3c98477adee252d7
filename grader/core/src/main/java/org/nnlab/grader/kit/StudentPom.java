package org.nnlab.grader.kit;

import java.util.Map;

/**
 * The {@code pom.xml} of a student kit: the student's solution in {@code src/main/java}, compiled for Java 17; the
 * nnlab classes from the kit's own file repository {@code repo/}; ND4J with the native libraries of the student's
 * machine, chosen by operating-system profiles; and {@code exec:java} set to run the training.
 */
final class StudentPom {
    /** ND4J 1.0.0-M2.1's native classifiers on Maven Central, by the profile that chooses each. */
    static final Map<String, String> NATIVE_PROFILES = Map.of(
            "macosx-x86_64", "<family>mac</family>\n          <arch>x86_64</arch>",
            "macosx-arm64", "<family>mac</family>\n          <arch>aarch64</arch>",
            "windows-x86_64", "<family>windows</family>\n          <arch>amd64</arch>",
            "linux-arm64", "<name>linux</name>\n          <arch>aarch64</arch>");
    private static final String[] PROFILE_ORDER = {"macosx-x86_64", "macosx-arm64", "windows-x86_64", "linux-arm64"};

    private StudentPom() {
    }

    /**
     * @param labId      the lab's id, which names the student's project
     * @param labVersion the lab's version
     * @param title      the lab's title
     * @param kitVersion the version of the nnlab classes in {@code repo/}
     * @param versions   the versions of everything else
     * @return the pom's text
     */
    static String text(String labId, int labVersion, String title, String kitVersion, KitVersions versions) {
        StringBuilder profiles = new StringBuilder();
        for (String classifier : PROFILE_ORDER) {
            profiles.append("""
                        <profile>
                          <id>%s</id>
                          <activation>
                            <os>
                              %s
                            </os>
                          </activation>
                          <properties>
                            <nd4j.native.classifier>%s</nd4j.native.classifier>
                          </properties>
                        </profile>
                    """.formatted(classifier, NATIVE_PROFILES.get(classifier), classifier));
        }
        return TEMPLATE
                .replace("{{labId}}", labId)
                .replace("{{labVersion}}", String.valueOf(labVersion))
                .replace("{{title}}", xml(title))
                .replace("{{kitVersion}}", kitVersion)
                .replace("{{nd4j}}", versions.nd4j())
                .replace("{{jackson}}", versions.jackson())
                .replace("{{slf4j}}", versions.slf4j())
                .replace("{{compilerPlugin}}", versions.compilerPlugin())
                .replace("{{resourcesPlugin}}", versions.resourcesPlugin())
                .replace("{{cleanPlugin}}", versions.cleanPlugin())
                .replace("{{execPlugin}}", versions.execPlugin())
                .replace("{{profiles}}", profiles.toString().stripTrailing());
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static final String TEMPLATE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- The student kit of the nnlab lab {{labId}}: edit src/main/java, then run
                   mvn -q compile exec:java
                 to train your solution with the grader's harness and print its curves (see README.md). -->
            <project xmlns="http://maven.apache.org/POM/4.0.0"
                     xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                     xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
              <modelVersion>4.0.0</modelVersion>

              <groupId>org.nnlab.labs</groupId>
              <artifactId>{{labId}}</artifactId>
              <version>{{labVersion}}</version>
              <name>{{title}}</name>

              <properties>
                <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                <maven.compiler.release>17</maven.compiler.release>
                <nnlab.kit.version>{{kitVersion}}</nnlab.kit.version>
                <nd4j.version>{{nd4j}}</nd4j.version>
                <!-- ND4J's native libraries for this machine: Linux x86-64 unless a profile below matches -->
                <nd4j.native.classifier>linux-x86_64</nd4j.native.classifier>
              </properties>

              <repositories>
                <repository>
                  <!-- the nnlab classes (student API and the grader's harness) that come with this kit -->
                  <id>nnlab-kit</id>
                  <url>${project.baseUri}repo</url>
                </repository>
              </repositories>

              <dependencies>
                <dependency>
                  <groupId>org.nnlab</groupId>
                  <artifactId>nnlab-kit</artifactId>
                  <version>${nnlab.kit.version}</version>
                </dependency>
                <dependency>
                  <groupId>org.deeplearning4j</groupId>
                  <artifactId>deeplearning4j-nn</artifactId>
                  <version>${nd4j.version}</version>
                </dependency>
                <dependency>
                  <groupId>org.nd4j</groupId>
                  <artifactId>nd4j-native</artifactId>
                  <version>${nd4j.version}</version>
                </dependency>
                <dependency>
                  <groupId>org.nd4j</groupId>
                  <artifactId>nd4j-native</artifactId>
                  <version>${nd4j.version}</version>
                  <classifier>${nd4j.native.classifier}</classifier>
                </dependency>
                <dependency>
                  <groupId>com.fasterxml.jackson.core</groupId>
                  <artifactId>jackson-databind</artifactId>
                  <version>{{jackson}}</version>
                </dependency>
                <dependency>
                  <groupId>org.slf4j</groupId>
                  <artifactId>slf4j-nop</artifactId>
                  <version>{{slf4j}}</version>
                  <scope>runtime</scope>
                </dependency>
              </dependencies>

              <build>
                <plugins>
                  <plugin>
                    <groupId>org.apache.maven.plugins</groupId>
                    <artifactId>maven-clean-plugin</artifactId>
                    <version>{{cleanPlugin}}</version>
                  </plugin>
                  <plugin>
                    <groupId>org.apache.maven.plugins</groupId>
                    <artifactId>maven-resources-plugin</artifactId>
                    <version>{{resourcesPlugin}}</version>
                  </plugin>
                  <plugin>
                    <groupId>org.apache.maven.plugins</groupId>
                    <artifactId>maven-compiler-plugin</artifactId>
                    <version>{{compilerPlugin}}</version>
                  </plugin>
                  <plugin>
                    <groupId>org.codehaus.mojo</groupId>
                    <artifactId>exec-maven-plugin</artifactId>
                    <version>{{execPlugin}}</version>
                    <configuration>
                      <mainClass>org.nnlab.kit.LocalTraining</mainClass>
                      <systemProperties>
                        <systemProperty>
                          <key>nnlab.kit.descriptor</key>
                          <value>${project.basedir}/nnlab-lab.json</value>
                        </systemProperty>
                      </systemProperties>
                    </configuration>
                  </plugin>
                </plugins>
              </build>

              <profiles>
            {{profiles}}
              </profiles>
            </project>
            """;
}
