/** Similarity checks of a lab's submissions with JPlag: detection, stored runs, and the pages that show them. */
package org.nnlab.platform.plagiarism;
