/**
 * The student API: the stable contract a lab solution is written against. Submissions written against it compile
 * unchanged across nnlab releases; everything else in nnlab is internal.
 */
package org.nnlab.api;
