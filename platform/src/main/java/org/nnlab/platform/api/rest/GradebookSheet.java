package org.nnlab.platform.api.rest;

import java.util.List;
import java.util.Map;

/**
 * A course's gradebook, as its CSV export has it.
 *
 * @param course   the course's code
 * @param labs     its labs by deadline
 * @param students one line per student, by user name
 * @param maxTotal the most a student can score in all labs
 */
public record GradebookSheet(String course, List<Lab> labs, List<Student> students, double maxTotal) {
    /**
     * @param id       the lab's id
     * @param title    its title
     * @param maxScore its points
     */
    public record Lab(String id, String title, double maxScore) {
    }

    /**
     * @param username the student's user name
     * @param name     their name
     * @param scores   lab id to the score that counts; labs without a graded submission are absent
     * @param total    the sum of the scores
     */
    public record Student(String username, String name, Map<String, Double> scores, double total) {
    }
}
