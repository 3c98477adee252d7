/** Similarity checks of a lab's submissions with JPlag: runs, their pairs, and the pages that show them. */
package org.nnlab.platform.plagiarism;
