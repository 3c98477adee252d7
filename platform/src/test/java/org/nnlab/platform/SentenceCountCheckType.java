package org.nnlab.platform;

import org.nnlab.grader.check.Check;
import org.nnlab.grader.check.CheckOutcome;
import org.nnlab.grader.check.CheckType;
import org.nnlab.grader.lab.Fields;

/**
 * A check type from a lab's extension jar, with a bug, for {@link FaultsIT}: it counts an answer's sentences
 * recursively, and at an empty sentence (the second dot of "..") it recurses at the same place without end, until
 * the grader's stack overflows.
 */
public final class SentenceCountCheckType implements CheckType {

    @Override
    public String name() {
        return "sentence-count";
    }

    @Override
    public String description() {
        return "an answer has at least a number of sentences; params: answer, min";
    }

    @Override
    public Check create(Fields params) {
        String answer = params.string("answer");
        int min = params.integer("min", 1);
        params.finish();
        return evidence -> sentences(evidence.answers().getOrDefault(answer, ""), 0) >= min
                ? CheckOutcome.pass("At least " + min + " sentences.") : CheckOutcome.fail("Fewer than " + min
                + " sentences.");
    }

    private static int sentences(String text, int from) {
        int end = text.indexOf('.', from);
        if (end < 0) {
            return 0;
        }
        if (end == from) {
            return sentences(text, from); // the bug: an empty sentence does not move on
        }
        return 1 + sentences(text, end + 1);
    }
}
