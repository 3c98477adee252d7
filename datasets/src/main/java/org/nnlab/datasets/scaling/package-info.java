/** Feature scaling: divide by the data set's maximum, or standardize with training statistics only. */
package org.nnlab.datasets.scaling;
