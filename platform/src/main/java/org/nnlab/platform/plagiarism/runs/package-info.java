/** Similarity runs: starting them in the background and storing them with their pairs. */
package org.nnlab.platform.plagiarism.runs;
