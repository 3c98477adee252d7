package org.nnlab.kit;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import org.nnlab.harness.train.SolutionRun;

/**
 * The stack trace of what a solution threw, cut where the harness called into the student's code: the frames of the
 * harness, of reflection and of Maven below it say nothing about the student's bug. Causes keep their own frames.
 */
final class StudentStackTrace {
    private static final String[] CALLER_PREFIXES = {"jdk.internal.reflect.", "java.lang.reflect.",
        "sun.reflect."};

    private StudentStackTrace() {
    }

    /** @return {@code thrown} and its stack trace as {@code printStackTrace} prints it, without the callers' frames */
    static String format(Throwable thrown) {
        StackTraceElement[] original = thrown.getStackTrace();
        thrown.setStackTrace(Arrays.copyOf(original, studentFrames(original)));
        StringWriter text = new StringWriter();
        thrown.printStackTrace(new PrintWriter(text));
        thrown.setStackTrace(original);
        return text.toString();
    }

    /** @return how many frames, from the top, lie above the harness's call into the solution */
    static int studentFrames(StackTraceElement[] frames) {
        int harness = frames.length;
        for (int i = 0; i < frames.length; i++) {
            if (frames[i].getClassName().equals(SolutionRun.class.getName())) {
                harness = i;
                break;
            }
        }
        while (harness > 0 && isReflection(frames[harness - 1])) {
            harness--;
        }
        return harness;
    }

    private static boolean isReflection(StackTraceElement frame) {
        for (String prefix : CALLER_PREFIXES) {
            if (frame.getClassName().startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
