/** Deterministic, stratified train / validation / test splits that every machine and JDK reproduce. */
package org.nnlab.datasets.split;
