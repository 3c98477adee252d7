/** A run's recorded curves and what a teaching assistant reads off them: minimum, rise, gap, fit, rate drops. */
package org.nnlab.grader.curve;
