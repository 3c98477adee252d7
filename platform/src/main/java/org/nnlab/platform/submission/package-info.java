/** Submissions: stored first, then graded through the job queue; their pages and reports. */
package org.nnlab.platform.submission;
