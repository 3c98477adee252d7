/** Lab revisions on a worker's or platform instance's disk: unpacked from the database's zips, checked by SHA-256. */
package org.nnlab.worker.lab;
