/** The instructor's side of a course: submissions per lab, grading by hand, regrading, release, gradebook, queue. */
package org.nnlab.platform.teaching;
