package org.nnlab.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FormTextTest {
    @Test
    void anAbsentFieldIsEmpty() {
        assertEquals("", FormText.of(null));
    }

    @Test
    void browserLineBreaksCountOneCharacterEachAsInTheTextarea() {
        String typed = "First line.\nSecond line.";

        assertEquals(typed, FormText.of(typed.replace("\n", "\r\n")));
    }
}
