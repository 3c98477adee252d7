/** Running a submission: the grader's installation, the job folders, and the compile, training and evaluation stages. */
package org.nnlab.grader.run;
