/** Labs as data: the lab file, read and validated with errors that name the file and the field. */
package org.nnlab.grader.lab;
