package org.nnlab.grader.reflection;

import static org.nnlab.grader.curve.RunCurve.figure;
import static org.nnlab.grader.curve.RunCurve.percent;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nnlab.grader.curve.RunCurve;
import org.nnlab.grader.reflection.Phrases.Metric;
import org.nnlab.protocol.EpochRecord;

/**
 * "A's training loss fell to 0.006 by epoch 40", "both reach about 98%": a loss, accuracy or learning rate a run
 * recorded, at the epoch named next to it or at any epoch, to the precision written ("about" widens it to one
 * percentage point or 10%). A figure of a run that the clause names must be that run's; one of no run named must be
 * some run's.
 */
final class ValueClaim implements ClaimKind {
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.-])(\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)(\\s*%)?");
    private static final Pattern RELATIVE = Pattern.compile("(?i)^\\s*(?:percentage\\s+points?|points?\\b|pp\\b|"
            + "times\\b|x\\b|×|higher|lower|more|less|better|worse|fewer|smaller|larger|bigger|improvement|increase|"
            + "decrease|reduction|drop|gain|faster|slower|of\\s+(?:the|its)\\b)");
    private static final Pattern BY = Pattern.compile("(?i)\\b(?:by|x|times)\\s*$");
    private static final Pattern ABOUT = Pattern.compile("(?i)(?:\\b(?:about|around|roughly|approximately|nearly|"
            + "near|almost|circa|some)|~)\\s*$");
    private static final Pattern AT_LEAST = Pattern.compile("(?i)\\b(?:over|above|more\\s+than|at\\s+least|exceeds?|"
            + "exceeding|beyond)\\s*$");
    private static final Pattern AT_MOST = Pattern.compile("(?i)\\b(?:under|below|less\\s+than|at\\s+most)\\s*$");
    private static final Pattern EPOCH = Pattern.compile("(?i)\\bepochs?\\s+(\\d{1,5})");
    /** How many characters apart a figure and an epoch may be written for the figure to be of that epoch. */
    private static final int NEAR = 20;

    @Override
    public String name() {
        return "value";
    }

    @Override
    public String description() {
        return "a loss, accuracy or learning rate a run recorded (\"0.068 at epoch 40\", \"about 98%\"), at the "
                + "epoch named or any epoch, to the precision written; \"about\" allows one percentage point or 10%, "
                + "\"over\" and \"under\" a bound";
    }

    @Override
    public List<Claim> read(Clause clause, Curves curves) {
        String text = clause.text();
        List<Claim> claims = new ArrayList<>();
        Matcher number = NUMBER.matcher(text);
        while (number.find()) {
            String digits = number.group(1);
            boolean percent = number.group(2) != null;
            boolean plain = !digits.contains(".") && !digits.toLowerCase(Locale.ROOT).contains("e");
            String before = text.substring(0, number.start());
            if (plain && !percent || RELATIVE.matcher(text.substring(number.end())).find()
                    || BY.matcher(before).find() || before.matches("(?is).*\\bepochs?\\s*$")) {
                continue;
            }
            Optional<Metric> metric = Phrases.metricOfFigure(text, number.start(), number.end());
            if (percent) {
                metric = Optional.of(Metric.ACCURACY);
            }
            if (metric.isPresent() && (metric.get() == Metric.HYPERPARAMETER || metric.get() == Metric.GAP)) {
                continue;
            }
            Figure figure = Figure.read(digits, percent, before);
            Optional<Integer> epoch = nearestEpoch(text, number.start(), number.end());
            claims.addAll(judge(clause, curves, figure, metric, epoch));
        }
        return claims;
    }

    private List<Claim> judge(Clause clause, Curves curves, Figure figure, Optional<Metric> metric,
                              Optional<Integer> epoch) {
        boolean named = clause.named() && !clause.subjects().isEmpty();
        List<String> runs = named ? clause.subjects() : curves.names();
        List<Metric> order = order(metric, figure.written().endsWith("%") ? List.of(Metric.ACCURACY)
                : epoch.isPresent() ? Phrases.metricsIn(clause.text()) : List.of());
        if (named && clause.collective()) {
            List<Claim> claims = new ArrayList<>();
            List<String> misses = new ArrayList<>();
            for (String name : runs) {
                Optional<String> found = find(curves.get(name), figure, order, epoch);
                found.ifPresent(f -> claims.add(Findings.supported(this, clause, f + ".")));
                if (found.isEmpty()) {
                    misses.add(describe(curves.get(name), metric, epoch));
                }
            }
            if (!misses.isEmpty()) {
                claims.add(Findings.contradicted(this, clause, String.join("; ", misses) + ": not "
                        + figure.written() + "."));
            }
            return claims;
        }
        for (Metric candidate : order) {
            for (String name : runs) {
                Optional<String> found = find(curves.get(name), figure, List.of(candidate), epoch);
                if (found.isPresent()) {
                    return List.of(Findings.supported(this, clause, found.get() + "."));
                }
            }
        }
        if (metric.isEmpty() && !named) {
            return List.of(Findings.unsure(this, clause, "no run recorded " + figure.written()
                    + epoch.map(e -> " at epoch " + e).orElse("") + ", and the sentence does not say what it is."));
        }
        List<String> misses = runs.stream().map(name -> describe(curves.get(name), metric, epoch)).toList();
        return List.of(Findings.contradicted(this, clause, (named ? "" : "no run recorded " + figure.written()
                + ": ") + String.join("; ", misses) + (named ? ": not " + figure.written() : "") + "."));
    }

    /**
     * @return the metrics to look for a figure in: any where the clause names none, else the one it names nearest,
     *     then the others it names for a figure of a named epoch ("its training loss stays above its validation
     *     loss (0.068 against 0.054 at epoch 40)" gives two figures after two metrics)
     */
    private static List<Metric> order(Optional<Metric> metric, List<Metric> alsoNamed) {
        if (metric.isEmpty()) {
            return List.of(Metric.VALIDATION_LOSS, Metric.TRAINING_LOSS, Metric.ACCURACY, Metric.LEARNING_RATE);
        }
        List<Metric> order = new ArrayList<>(List.of(metric.get()));
        alsoNamed.stream().filter(m -> !order.contains(m)).forEach(order::add);
        return order;
    }

    private static Optional<String> find(RunCurve run, Figure figure, List<Metric> order, Optional<Integer> epoch) {
        List<EpochRecord> candidates = epoch.map(e -> run.at(e).map(List::of).orElse(List.of()))
                .orElse(run.epochs());
        for (Metric candidate : order) {
            ToDoubleFunction<EpochRecord> value = value(candidate);
            Optional<EpochRecord> closest = candidates.stream()
                    .filter(r -> figure.matches(value.applyAsDouble(r), candidate == Metric.ACCURACY))
                    .min(java.util.Comparator.comparingDouble(r -> Math.abs(value.applyAsDouble(r) - figure.value())));
            if (closest.isPresent()) {
                return Optional.of(run.name() + "'s " + label(candidate) + " at epoch " + closest.get().epoch()
                        + " was " + show(candidate, value.applyAsDouble(closest.get())));
            }
        }
        return Optional.empty();
    }

    private static String describe(RunCurve run, Optional<Metric> metric, Optional<Integer> epoch) {
        if (epoch.isPresent()) {
            Optional<EpochRecord> record = run.at(epoch.get());
            if (record.isEmpty()) {
                return run.name() + " has no epoch " + epoch.get();
            }
            EpochRecord r = record.get();
            return "at epoch " + r.epoch() + " " + run.name() + " recorded training loss " + figure(r.trainingLoss())
                    + ", validation loss " + figure(r.validationLoss()) + " and accuracy "
                    + percent(r.validationAccuracy());
        }
        Metric shown = metric.orElse(Metric.VALIDATION_LOSS);
        ToDoubleFunction<EpochRecord> value = value(shown);
        double low = run.epochs().stream().mapToDouble(value).min().orElseThrow();
        double high = run.epochs().stream().mapToDouble(value).max().orElseThrow();
        if (low == high) {
            return run.name() + "'s " + label(shown) + " was " + show(shown, low) + " at every epoch";
        }
        if (low == high) {
            return run.name() + "'s " + label(shown) + " was " + show(shown, low) + " at every epoch";
        }
        return run.name() + "'s " + label(shown) + " ranged from " + show(shown, low) + " to " + show(shown, high)
                + " (first epoch " + show(shown, value.applyAsDouble(run.first())) + ", last "
                + show(shown, value.applyAsDouble(run.last())) + ")";
    }

    /**
     * @return the epoch named within {@link #NEAR} characters of the figure, the nearest one, the later of two as
     *     near ("from 0.1 at epoch 1 to 0.2 at epoch 4"); none where no epoch is named that close
     */
    private static Optional<Integer> nearestEpoch(String text, int start, int end) {
        Matcher epoch = EPOCH.matcher(text);
        Integer nearest = null;
        int distance = NEAR + 1;
        while (epoch.find()) {
            int d = epoch.start() >= end ? epoch.start() - end : start - epoch.end();
            if (d >= 0 && (d < distance || d == distance && epoch.start() >= end)) {
                distance = d;
                nearest = Integer.parseInt(epoch.group(1));
            }
        }
        return Optional.ofNullable(nearest);
    }

    private static ToDoubleFunction<EpochRecord> value(Metric metric) {
        return switch (metric) {
            case TRAINING_LOSS -> EpochRecord::trainingLoss;
            case ACCURACY -> EpochRecord::validationAccuracy;
            case LEARNING_RATE -> EpochRecord::learningRate;
            default -> EpochRecord::validationLoss;
        };
    }

    private static String label(Metric metric) {
        return switch (metric) {
            case TRAINING_LOSS -> "training loss";
            case ACCURACY -> "validation accuracy";
            case LEARNING_RATE -> "learning rate";
            default -> "validation loss";
        };
    }

    private static String show(Metric metric, double value) {
        return metric == Metric.ACCURACY ? percent(value) : figure(value);
    }

    /**
     * A figure as written: its value, the half unit of its last digit, and a hedge or bound before it.
     *
     * @param written  the text, e.g. "98%"
     * @param value    the value, a fraction for a percentage
     * @param halfUnit half a unit of the last digit written, in the value's scale
     * @param about    whether "about" or a like word widens it
     * @param bound    1 for "over", -1 for "under", 0 for neither
     */
    private record Figure(String written, double value, double halfUnit, boolean about, int bound) {

        static Figure read(String digits, boolean percent, String before) {
            BigDecimal decimal = new BigDecimal(digits);
            double scale = percent ? 0.01 : 1;
            double halfUnit = 0.5 * Math.pow(10, -decimal.scale()) * scale;
            int bound = AT_LEAST.matcher(before).find() ? 1 : AT_MOST.matcher(before).find() ? -1 : 0;
            return new Figure(digits + (percent ? "%" : ""), decimal.doubleValue() * scale, halfUnit + 1e-12,
                    ABOUT.matcher(before).find(), bound);
        }

        boolean matches(double recorded, boolean accuracy) {
            if (bound != 0) {
                return bound > 0 ? recorded >= value - halfUnit : recorded <= value + halfUnit;
            }
            double tolerance = about ? Math.max(halfUnit, accuracy ? 0.01 : 0.1 * Math.abs(value)) : halfUnit;
            return Math.abs(recorded - value) <= tolerance;
        }
    }
}
