package org.nnlab.platform.web;

/** A form field's text as the page counted it while the user typed. */
public final class FormText {
    private FormText() {
    }

    /**
     * @param value a form field's value as the request carries it, or null when the field is absent
     * @return the text, empty when absent, with the line breaks a browser sends (CR LF) as the page's {@code maxlength}
     *     counted them (LF)
     */
    public static String of(String value) {
        return value == null ? "" : value.replace("\r\n", "\n");
    }
}
