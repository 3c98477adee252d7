package org.nnlab.grader.reflection;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the claims a reflection makes about the curves and checks each: sentence by sentence, clause by clause,
 * each clause about the runs it names, shares with its sentence, or refers to by a pronoun ("its") where the
 * sentence before was about one run. A clause that names no run is taken to be about the runs of the one before,
 * but a figure in it is then checked against every run.
 */
public final class ClaimReader {
    private final List<ClaimKind> kinds;

    /** @param kinds the kinds of claims to read, each tried on every clause */
    public ClaimReader(List<ClaimKind> kinds) {
        this.kinds = List.copyOf(kinds);
    }

    /** @return a reader of every claim kind this package knows */
    public static ClaimReader standard() {
        return new ClaimReader(List.of(new LowestValidationLossClaim(), new ValidationTrendClaim(), new GapClaim(),
                new AccuracyComparisonClaim(), new LearningRateClaim(), new FittingClaim(), new ConvergenceClaim(),
                new ValueClaim()));
    }

    /** @return the kinds of claims it reads */
    public List<ClaimKind> kinds() {
        return kinds;
    }

    /** @return every claim found in {@code text}, in the order written, each checked against {@code curves} */
    public List<Claim> read(String text, Curves curves) {
        return readClauses(text, curves).stream().flatMap(reading -> reading.claims().stream()).toList();
    }

    /** @return each clause of {@code text} with the claims it makes, checked against {@code curves} */
    public List<Reading> readClauses(String text, Curves curves) {
        List<Reading> readings = new ArrayList<>();
        for (Clause clause : clauses(text, curves)) {
            List<Claim> claims = new ArrayList<>();
            kinds.forEach(kind -> claims.addAll(kind.read(clause, curves)));
            readings.add(new Reading(clause, claims));
        }
        return readings;
    }

    /** @return the clauses of {@code text}, each with the runs it is about */
    public static List<Clause> clauses(String text, Curves curves) {
        RunMentions mentions = new RunMentions(curves.names());
        List<Clause> clauses = new ArrayList<>();
        Clause previous = null;
        for (String sentence : Sentences.split(text)) {
            Clause inSentence = null;
            for (String part : Sentences.clauses(sentence)) {
                List<String> named = mentions.in(part);
                Clause clause;
                if (!named.isEmpty() && inSentence != null && RunMentions.pronoun(part)) {
                    List<String> both = new ArrayList<>(inSentence.subjects());
                    named.stream().filter(run -> !both.contains(run)).forEach(both::add);
                    clause = new Clause(part, both, false, true);
                } else if (!named.isEmpty()) {
                    clause = new Clause(part, named, false, true);
                } else if (RunMentions.collective(part) && curves.names().size() > 1) {
                    clause = new Clause(part, curves.names(), true, true);
                } else if (inSentence != null) {
                    clause = new Clause(part, inSentence.subjects(), inSentence.collective(), true);
                } else if (previous != null) {
                    boolean refers = RunMentions.pronoun(part) && previous.single().isPresent();
                    clause = new Clause(part, previous.subjects(), previous.collective(), refers);
                } else if (curves.names().size() == 1) {
                    clause = new Clause(part, curves.names(), false, true);
                } else {
                    clause = new Clause(part, List.of(), false, false);
                }
                clauses.add(clause);
                if (clause.named()) {
                    inSentence = clause;
                    previous = clause;
                }
            }
        }
        return clauses;
    }

    /**
     * A clause and the claims it makes.
     *
     * @param clause the clause
     * @param claims its claims, each with its verdict
     */
    public record Reading(Clause clause, List<Claim> claims) {

        /** Copies the claims. */
        public Reading {
            claims = List.copyOf(claims);
        }

        /** @return whether the curves contradict one of its claims */
        public boolean contradicted() {
            return claims.stream().anyMatch(claim -> claim.verdict() == Verdict.CONTRADICTED);
        }
    }
}
