package org.nnlab.grader.reflection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Helpers the claim kinds share to build claims and to find the runs a clause compares. */
final class Findings {
    private static final int QUOTE_CHARS = 160;

    private Findings() {
    }

    static Claim supported(ClaimKind kind, Clause clause, String finding) {
        return new Claim(kind.name(), quote(clause), Verdict.SUPPORTED, finding);
    }

    static Claim contradicted(ClaimKind kind, Clause clause, String finding) {
        return new Claim(kind.name(), quote(clause), Verdict.CONTRADICTED, finding);
    }

    static Claim unsure(ClaimKind kind, Clause clause, String finding) {
        return new Claim(kind.name(), quote(clause), Verdict.NOT_CHECKABLE, finding);
    }

    /** @return a claim that names no run where the lab has several */
    static Claim noRun(ClaimKind kind, Clause clause) {
        return unsure(kind, clause, "it does not say which run; name it (e.g. \"model A\").");
    }

    /**
     * @return the run a comparison is about and the run it is compared with: the first two runs named, or the one
     *     named and the lab's other run where there are two; empty when the clause speaks of all runs at once
     */
    static Optional<List<String>> pair(Clause clause, Curves curves) {
        if (clause.collective()) {
            return Optional.empty();
        }
        List<String> subjects = clause.subjects();
        if (subjects.size() >= 2) {
            return Optional.of(List.of(subjects.get(0), subjects.get(1)));
        }
        if (subjects.size() == 1) {
            return curves.other(subjects.get(0)).map(other -> List.of(subjects.get(0), other));
        }
        return Optional.empty();
    }

    /** @return a claim for each run the clause speaks of, or one "which run?" claim when it names none */
    static List<Claim> forEachRun(ClaimKind kind, Clause clause, java.util.function.Function<String, Claim> judge) {
        if (clause.subjects().isEmpty()) {
            return List.of(noRun(kind, clause));
        }
        List<Claim> claims = new ArrayList<>();
        clause.subjects().forEach(run -> claims.add(judge.apply(run)));
        return claims;
    }

    private static String quote(Clause clause) {
        String text = clause.text();
        return text.length() <= QUOTE_CHARS ? text : text.substring(0, QUOTE_CHARS - 3) + "...";
    }
}
