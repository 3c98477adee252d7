/** What a saved network declares, read from its configuration without loading ND4J or any student class. */
package org.nnlab.grader.network;
