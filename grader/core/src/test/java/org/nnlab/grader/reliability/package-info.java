/** The reliability suite's ledger: each attack, fault and bad input tried, for the summary table of {@code ./nnlab test}. */
package org.nnlab.grader.reliability;
