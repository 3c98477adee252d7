package org.nnlab.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nnlab.harness.train.SolutionRun;

class StudentStackTraceTest {
    private static final StackTraceElement[] FRAMES = {
        frame("Solution", "helper"),
        frame("Solution", "train"),
        frame("jdk.internal.reflect.DirectMethodHandleAccessor", "invoke"),
        frame(SolutionRun.class.getName(), "train"),
        frame(LocalTraining.class.getName(), "run"),
        frame("org.codehaus.mojo.exec.ExecJavaMojo$1", "run"),
    };

    @Test
    void framesFromTheHarnessCallDownAreCut() {
        assertEquals(2, StudentStackTrace.studentFrames(FRAMES));
    }

    @Test
    void aTraceWithoutTheHarnessIsKeptWhole() {
        StackTraceElement[] frames = {frame("Solution", "train"), frame("Main", "main")};

        assertEquals(2, StudentStackTrace.studentFrames(frames));
    }

    @Test
    void theFormattedTraceShowsTheStudentsFramesAndCausesAndLeavesTheExceptionAsItWas() {
        IllegalStateException thrown = new IllegalStateException("boom", new ArithmeticException("/ by zero"));
        thrown.setStackTrace(FRAMES);

        String text = StudentStackTrace.format(thrown).replace(System.lineSeparator(), "\n");

        assertTrue(text.startsWith("""
                java.lang.IllegalStateException: boom
                \tat Solution.helper(Solution.java:1)
                \tat Solution.train(Solution.java:1)
                Caused by: java.lang.ArithmeticException: / by zero
                """), text);
        assertEquals(FRAMES.length, thrown.getStackTrace().length);
    }

    private static StackTraceElement frame(String type, String method) {
        return new StackTraceElement(type, method, type.substring(type.lastIndexOf('.') + 1) + ".java", 1);
    }
}
