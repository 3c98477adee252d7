package org.nnlab.grader.reflection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentencesTest {

    @Test
    void decimalsAndAbbreviationsDoNotEndASentence() {
        assertEquals(List.of("Loss fell to 0.05 by epoch 12.", "It overfits, e.g. the gap grows!", "Does B help?"),
                Sentences.split("Loss fell to 0.05 by epoch 12. It overfits, e.g. the gap grows! Does B help? "));
    }

    @Test
    void clausesBreakAtSemicolonsAndContrasts() {
        assertEquals(List.of("A overfits from epoch 13", "while B keeps improving", "its rate halves"),
                Sentences.clauses("A overfits from epoch 13 while B keeps improving; its rate halves"));
    }
}
