package org.nnlab.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MarkdownTest {
    private final Markdown markdown = new Markdown();

    @Test
    void headingsCodeAndTablesAreRendered() {
        String html = markdown.toHtml("# Lab\n\nUse `dropOut(0.8)`.\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n");

        assertTrue(html.contains("<h1>Lab</h1>"), html);
        assertTrue(html.contains("<code>dropOut(0.8)</code>"), html);
        assertTrue(html.contains("<td>1</td>"), html);
    }

    @Test
    void scriptsAndEventHandlersAreRemoved() {
        String html = markdown.toHtml("Hello <script>alert(1)</script> <img src=x onerror=alert(2)> "
                + "[link](javascript:alert(3))");

        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("onerror"), html);
        assertFalse(html.contains("javascript:"), html);
        assertEquals(true, html.startsWith("<p>Hello"), html);
    }
}
