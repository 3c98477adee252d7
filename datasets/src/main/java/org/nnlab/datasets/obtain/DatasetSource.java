package org.nnlab.datasets.obtain;

import org.nnlab.datasets.DatasetSpec;

/** One place a data file may be obtained from. */
public interface DatasetSource {

    /** @return what this source is, for messages, e.g. "the cache /root/.cache/nnlab/datasets" */
    String describe(DatasetSpec spec);

    /**
     * Looks for the data file, fetching it if this source fetches.
     *
     * @param spec the data set wanted
     * @return a file to verify, or the reason there is none
     */
    Candidate find(DatasetSpec spec);

    /**
     * @return true when a file from this source that fails verification must stop the search (the user named it),
     *     false when the next source may be tried
     */
    default boolean authoritative() {
        return false;
    }
}
