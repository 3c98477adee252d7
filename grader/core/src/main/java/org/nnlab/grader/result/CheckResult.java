package org.nnlab.grader.result;

/**
 * One check's result.
 *
 * @param id        the check's id in the lab file
 * @param title     its title
 * @param points    the points earned
 * @param maxPoints the most it could earn
 * @param passed    whether it earned all its points
 * @param message   what was found, what was expected, and a hint
 */
public record CheckResult(String id, String title, double points, double maxPoints, boolean passed, String message) {
}
