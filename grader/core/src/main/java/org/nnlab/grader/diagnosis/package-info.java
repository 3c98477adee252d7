/** The diagnosis on every report: what the curves and saved networks show, and a next step for each failed check. */
package org.nnlab.grader.diagnosis;
