package org.nnlab.grader.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubmissionCompilerTest {

    @Test
    void javacErrorsAreReadWithFileLineAndDetail() {
        String output = """
                /jobs/job-1/src/Solution.java:12: error: cannot find symbol
                        foo();
                        ^
                  symbol:   method foo()
                  location: class Solution
                /jobs/job-1/src/model/Net.java:3: error: ';' expected
                    int x = 1
                             ^
                2 errors
                """;

        List<CompileError> errors = SubmissionCompiler.errors(output, Path.of("/jobs/job-1/src"));

        assertEquals(2, errors.size());
        assertEquals(new CompileError("Solution.java", 12, "cannot find symbol\n        foo();\n        ^\n"
                + "  symbol:   method foo()\n  location: class Solution"), errors.get(0));
        assertEquals("model/Net.java", errors.get(1).file());
        assertEquals(3, errors.get(1).line());
        assertEquals("';' expected\n    int x = 1\n             ^", errors.get(1).message());
    }

    @Test
    void javacRunningOutOfStackIsToldWithoutItsStackTrace() {
        String output = "\n\nThe system is out of resources.\nConsult the following stack trace for details.\n"
                + "java.lang.StackOverflowError\n\tat jdk.compiler/com.sun.tools.javac.parser.JavacParser.typeArguments"
                + "(JavacParser.java:2229)\n";

        assertEquals("javac ran out of resources compiling this code (java.lang.StackOverflowError): simplify deeply "
                + "nested types, expressions or blocks.", SubmissionCompiler.outOfResources(output));
    }
}
