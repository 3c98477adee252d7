package org.nnlab.platform.teaching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.nnlab.platform.web.InputException;
import org.nnlab.platform.account.Accounts;
import org.nnlab.platform.account.Passwords;
import org.nnlab.platform.account.Role;
import org.nnlab.platform.account.UserAccount;
import org.nnlab.platform.course.Course;
import org.nnlab.platform.course.Courses;

/**
 * Enrols students in a course, one by one or from a CSV file of {@code username,name} lines (a header line is
 * optional). A student without an account gets one, with a random password that is shown once to the instructor.
 * A file with any bad line enrols no one, and every bad line is named.
 */
@ApplicationScoped
public class Enrolments {
    /** The most students one file may enrol. */
    static final int MAX_ROWS = 2000;
    private static final String USERNAME = "[a-z0-9][a-z0-9._-]{1,63}";

    @Inject
    Accounts accounts;

    @Inject
    Courses courses;

    @Inject
    Passwords passwords;

    /**
     * One student to enrol.
     *
     * @param username the login name
     * @param name     the name shown on pages
     */
    public record Student(String username, String name) {
    }

    /**
     * One student enrolled.
     *
     * @param username the login name
     * @param password the new account's password, or null when the account existed
     */
    public record Enrolled(String username, String password) {
    }

    /**
     * Reads a CSV file of students.
     *
     * @throws InputException naming every bad line, when there is one
     */
    public List<Student> read(Reader csv) throws IOException {
        List<Student> students = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (CSVParser parser = CSVParser.builder().setReader(csv).setFormat(CSVFormat.DEFAULT.builder()
                .setIgnoreEmptyLines(true).setTrim(true).get()).get()) {
            for (CSVRecord line : parser) {
                long number = line.getRecordNumber();
                if (number == 1 && line.size() > 0 && line.get(0).equalsIgnoreCase("username")) {
                    continue;
                }
                if (students.size() >= MAX_ROWS) {
                    throw new InputException("The file has more than " + MAX_ROWS + " students; split it.");
                }
                String username = line.size() > 0 ? line.get(0) : "";
                String name = line.size() > 1 && !line.get(1).isBlank() ? line.get(1) : username;
                Optional<String> problem = problem(username, name);
                if (problem.isPresent()) {
                    problems.add("line " + number + ": " + problem.get());
                } else if (!seen.add(username)) {
                    problems.add("line " + number + ": " + username + " is listed twice");
                } else {
                    students.add(new Student(username, name));
                }
            }
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw new InputException("The file is not valid CSV: " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new InputException("No one was enrolled; fix these lines first: " + String.join("; ", problems)
                    + ".");
        }
        if (students.isEmpty()) {
            throw new InputException("The file lists no student: write one username,name per line.");
        }
        return students;
    }

    /**
     * Enrols every student, creating the accounts that do not exist, in one transaction.
     *
     * @throws InputException when one of them is a bad name or an instructor's account
     */
    @Transactional
    public List<Enrolled> enrol(Course course, List<Student> students) {
        List<Enrolled> enrolled = new ArrayList<>();
        for (Student student : students) {
            problem(student.username(), student.name()).ifPresent(p -> {
                throw new InputException(p);
            });
            Optional<UserAccount> existing = accounts.byUsername(student.username());
            if (existing.isPresent() && !existing.get().getRole().equals(Role.STUDENT)) {
                throw new InputException(student.username() + " is an instructor's account, not a student's.");
            }
            String password = existing.isPresent() ? null : passwords.random(12);
            UserAccount account = existing.orElseGet(() -> accounts.create(student.username(), password,
                    Role.STUDENT, student.name()));
            courses.enroll(course, account);
            enrolled.add(new Enrolled(student.username(), password));
        }
        return enrolled;
    }

    private static Optional<String> problem(String username, String name) {
        if (!username.matches(USERNAME)) {
            return Optional.of("'" + username + "' is not a user name (2 to 64 lower-case letters, digits, '.', "
                    + "'_' or '-')");
        }
        if (name.length() > 200) {
            return Optional.of("the name of " + username + " is longer than 200 characters");
        }
        return Optional.empty();
    }
}
