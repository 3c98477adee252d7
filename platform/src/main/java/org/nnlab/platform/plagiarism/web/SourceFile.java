package org.nnlab.platform.plagiarism.web;

import java.util.List;

/**
 * A submitted file with its lines marked by the matches they belong to.
 *
 * @param path  the file's path in the submission
 * @param lines its lines
 */
public record SourceFile(String path, List<SourceLine> lines) {
}
