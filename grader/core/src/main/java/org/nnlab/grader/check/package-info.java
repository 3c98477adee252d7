/** The catalogue of check types a lab file may use, and the evidence they judge. */
package org.nnlab.grader.check;
