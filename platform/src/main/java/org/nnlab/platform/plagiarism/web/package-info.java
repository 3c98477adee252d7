/** The instructor's similarity pages: a run's pairs, and a pair's submissions side by side. */
package org.nnlab.platform.plagiarism.web;
