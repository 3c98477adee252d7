/** Student kits: a lab packed as a small Maven project that trains a solution locally with the grader's harness. */
package org.nnlab.grader.kit;
