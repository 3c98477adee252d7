/** Pairwise comparison of Java submissions with JPlag, free of the web app and the database. */
package org.nnlab.platform.plagiarism.detection;
