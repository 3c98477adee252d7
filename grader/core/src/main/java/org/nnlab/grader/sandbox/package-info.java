/** Process sandboxes: bubblewrap with cgroups and rlimits, failing closed where the machine cannot sandbox. */
package org.nnlab.grader.sandbox;
