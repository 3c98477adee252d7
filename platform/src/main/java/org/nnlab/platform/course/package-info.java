/** Courses, who is enrolled, and which labs each course assigns with their deadlines. */
package org.nnlab.platform.course;
