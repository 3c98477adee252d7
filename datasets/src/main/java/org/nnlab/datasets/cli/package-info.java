/** The datasets command line: fetch, verify and describe a data set and its split. */
package org.nnlab.datasets.cli;
