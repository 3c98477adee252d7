package org.nnlab.grader.kit;

import java.util.List;

/** The {@code README.md} of a student kit: what the kit is, how to run it, what it prints and what it is not. */
final class StudentReadme {
    private StudentReadme() {
    }

    /**
     * @param labId      the lab's id
     * @param title      the lab's title
     * @param entryClass the class the student writes
     * @param runs       the runs the lab expects
     * @param threads    the native threads a graded run gets
     * @param starter    the starter files, relative to {@code src/main/java}
     * @return the README's text
     */
    static String text(String labId, String title, String entryClass, List<String> runs, int threads,
                       List<String> starter) {
        StringBuilder files = new StringBuilder();
        starter.forEach(file -> files.append("- `src/main/java/").append(file).append("`\n"));
        return """
                # Student kit: %s

                This folder is a small Maven project for the lab `%s`:

                > %s

                It trains your solution on your own machine with the same harness the grader uses: the same data
                set, split and feature scaling (the same training and validation rows), the same minibatches, and
                the same measurements after each epoch. Iterate here, then submit.

                Your code lives in `src/main/java`; the lab's starter is already there:

                %s
                The lab's instructions are in `instructions.md`.

                ## Run it

                You need a JDK 17 (or newer) and Maven 3.8 or newer. In this folder:

                ```sh
                mvn -q compile exec:java
                ```

                The first run downloads ND4J and DL4J (about 150 MB) from Maven Central into your local Maven
                repository, and ND4J unpacks its native libraries (about 400 MB) into `~/.javacpp/cache`; later runs
                start in a few seconds. Profiles in `pom.xml` choose the native libraries of your machine: Linux
                (x86-64 or ARM64), macOS (Intel or Apple silicon) or Windows (x86-64).

                `.mvn/jvm.config` holds the JVM options of the run (exec:java trains inside Maven's own JVM): a heap of
                1 GB as in a graded run, and `-Dorg.bytedeco.javacpp.nopointergc=true`, which makes small networks
                train much faster. The kit also gives ND4J as many native threads as a graded run gets (%d for this
                lab), unless you set `OMP_NUM_THREADS` yourself.

                ## What it prints

                Whatever your code writes to `ctx.log()`, then, for each run you track (this lab expects %s), a table
                of its epochs: training loss (mean of the minibatch losses), validation loss and accuracy (measured in
                inference mode) and the learning rate. Then the best validation accuracy of each run, the values you
                reported with `ctx.report`, and the harness's warnings (for example, when `setListeners` replaced the
                listener that records the training loss).

                If your `train()` throws, the kit prints the exception with the stack trace of your code and ends with
                a non-zero exit status.

                ## This is not your grade

                The grader does not use these numbers. It compiles and trains your submission again in a sandbox,
                measures the networks it saved on hidden test data that this kit does not contain, checks the
                configuration of your networks, and scores your written answers. Results here show whether your code
                runs and how its curves look.

                ## Submit

                On the lab's page of the nnlab platform, upload `%s.java` (and any other `.java` files you added to
                `src/main/java`), or a zip of them, together with the written answers the lab asks for.
                """.formatted(labId, labId, title, files, threads, String.join(", ", runs),
                        entryClass.replace('.', '/'));
    }
}
