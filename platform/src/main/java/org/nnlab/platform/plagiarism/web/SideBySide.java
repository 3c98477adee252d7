package org.nnlab.platform.plagiarism.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nnlab.platform.plagiarism.detection.MatchedRegion;

/**
 * Marks the lines of both submissions of a pair with their matches, numbered alike on both sides so that one
 * match has one colour.
 *
 * @param first  the first student's files
 * @param second the second student's files
 */
public record SideBySide(List<SourceFile> first, List<SourceFile> second) {
    /**
     * @param filesA  the first submission's files: path to text
     * @param filesB  the second submission's files: path to text
     * @param regions the matched regions, first side as A
     * @return both sides, files in path order
     */
    public static SideBySide of(Map<String, String> filesA, Map<String, String> filesB, List<MatchedRegion> regions) {
        return new SideBySide(side(filesA, regions, true), side(filesB, regions, false));
    }

    private static List<SourceFile> side(Map<String, String> files, List<MatchedRegion> regions, boolean a) {
        List<SourceFile> side = new ArrayList<>();
        for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
            String[] texts = file.getValue().split("\r?\n", -1);
            int[] marks = new int[texts.length + 1];
            for (int i = 0; i < regions.size(); i++) {
                MatchedRegion region = regions.get(i);
                if (!(a ? region.fileA() : region.fileB()).equals(file.getKey())) {
                    continue;
                }
                int start = a ? region.startA() : region.startB();
                int end = a ? region.endA() : region.endB();
                for (int line = Math.max(1, start); line <= Math.min(end, texts.length); line++) {
                    if (marks[line] == 0) {
                        marks[line] = i + 1;
                    }
                }
            }
            List<SourceLine> lines = new ArrayList<>();
            for (int line = 1; line <= texts.length; line++) {
                lines.add(new SourceLine(line, texts[line - 1], marks[line]));
            }
            side.add(new SourceFile(file.getKey(), lines));
        }
        return side;
    }
}
