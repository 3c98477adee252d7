/** Evaluation: loads saved networks without any student class and writes their predictions. */
package org.nnlab.harness.evaluate;
