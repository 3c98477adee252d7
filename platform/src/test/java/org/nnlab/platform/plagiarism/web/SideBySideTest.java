package org.nnlab.platform.plagiarism.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnlab.platform.plagiarism.detection.MatchedRegion;

class SideBySideTest {
    private static List<String> classes(SourceFile file) {
        return file.lines().stream().map(SourceLine::cssClass).toList();
    }

    @Test
    void oneMatchHasTheSameColourOnBothSidesAndOtherLinesNone() {
        SideBySide sides = SideBySide.of(Map.of("A.java", "a\nb\nc\nd"), Map.of("B.java", "w\nx\ny\nz"),
                List.of(new MatchedRegion("A.java", 1, 2, "B.java", 3, 4, 12),
                        new MatchedRegion("A.java", 4, 4, "B.java", 1, 1, 9)));

        assertEquals(List.of("line match match-0", "line match match-0", "line", "line match match-1"),
                classes(sides.first().get(0)));
        assertEquals(List.of("line match match-1", "line", "line match match-0", "line match match-0"),
                classes(sides.second().get(0)));
        assertEquals("d", sides.first().get(0).lines().get(3).text());
        assertEquals(4, sides.second().get(0).lines().get(3).number());
    }

    @Test
    void aMatchInAnotherFileLeavesAFileUnmarked() {
        SideBySide sides = SideBySide.of(Map.of("A.java", "a", "Util.java", "u"), Map.of("B.java", "b"),
                List.of(new MatchedRegion("Util.java", 1, 1, "B.java", 1, 1, 9)));

        assertEquals(List.of("A.java", "Util.java"), sides.first().stream().map(SourceFile::path).toList());
        assertEquals(List.of("line"), classes(sides.first().get(0)));
        assertEquals(List.of("line match match-0"), classes(sides.first().get(1)));
    }
}
