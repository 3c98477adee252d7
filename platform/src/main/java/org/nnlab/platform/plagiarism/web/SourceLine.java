package org.nnlab.platform.plagiarism.web;

/**
 * One line of a submitted file as the side-by-side page shows it.
 *
 * @param number the line's number, from 1
 * @param text   the line, unescaped (the template escapes it)
 * @param match  the match it belongs to, from 1; 0 for none
 */
public record SourceLine(int number, String text, int match) {
    /** How many colours the page cycles through. */
    static final int COLOURS = 8;

    /** @return the CSS class that colours the line: the same on both sides of one match */
    public String cssClass() {
        return match == 0 ? "line" : "line match match-" + ((match - 1) % COLOURS);
    }
}
