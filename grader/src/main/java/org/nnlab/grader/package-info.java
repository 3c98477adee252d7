/** The grader: runs student training code in a sandbox and grades it (issue: grader). */
package org.nnlab.grader;
