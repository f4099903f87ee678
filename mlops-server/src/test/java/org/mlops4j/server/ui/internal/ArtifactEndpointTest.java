package org.mlops4j.server.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArtifactEndpointTest {

    @Test
    void acceptsCleanRelativePaths() {
        assertEquals("report.html", ArtifactEndpoint.checkedPath("report.html"));
        assertEquals("a/b/c.json", ArtifactEndpoint.checkedPath("a/b/c.json"));
        assertEquals("..hidden/x..y", ArtifactEndpoint.checkedPath("..hidden/x..y"));
    }

    @Test
    void rejectsPathsThatCouldLeaveTheRunFolder() {
        for (String path : List.of("", "../etc/passwd", "a/../../b", "..", "a/..", "/etc/passwd", "a//b", "./a",
                "a/./b", "a\\..\\b", "..\\secret", "C:/Windows", "c:\\boot.ini", "a\u0000.txt", "a\n.txt")) {
            HttpProblem problem = assertThrows(HttpProblem.class, () -> ArtifactEndpoint.checkedPath(path), path);
            assertEquals(400, problem.status(), path);
        }
    }
}
