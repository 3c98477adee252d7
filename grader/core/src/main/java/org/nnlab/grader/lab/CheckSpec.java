package org.nnlab.grader.lab;

/**
 * One check of a lab file: its type from the check catalogue and that type's parameters.
 *
 * @param id     unique within the lab, e.g. {@code regularization-B}
 * @param type   the check type, e.g. {@code regularization}
 * @param title  what the student sees as the check's name
 * @param points the most it can score
 * @param manual whether an instructor reviews it: the automatic score is provisional until the instructor confirms
 *               or overrides it and releases the results
 * @param params the type's parameters, still to be validated by the type
 * @param fix    what to change in the code when the check fails, as the lab's author would tell a student; null to
 *               give the check type's general advice
 */
public record CheckSpec(String id, String type, String title, double points, boolean manual, Fields params,
                        String fix) {
}
