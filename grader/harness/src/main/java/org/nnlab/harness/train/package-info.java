/** Training: runs a student's solution against the lab's data and records each tracked run. */
package org.nnlab.harness.train;
