package org.nnlab.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.nnlab.grader.lab.Lab;
import org.nnlab.grader.lab.LabLoader;
import org.nnlab.worker.lab.LabStore;

/**
 * Lab revisions as a worker on another machine than the platform gets them: read from the database's
 * {@code LABREVISION} and {@code REVISIONARCHIVE} tables, unpacked into the worker's own folder (checked against the
 * revision's SHA-256), and loaded once; a revision whose folder went missing is unpacked again.
 */
public final class StoredLabRevisions implements LabRevisions {
    private final ConnectionSource database;
    private final LabStore store;
    private final LabLoader loader;
    private final Map<String, Lab> loaded = new ConcurrentHashMap<>();

    /**
     * @param database where the revisions are
     * @param store    this worker's folder of unpacked revisions
     * @param loader   validates and loads a lab folder
     */
    public StoredLabRevisions(ConnectionSource database, LabStore store, LabLoader loader) {
        this.database = database;
        this.store = store;
        this.loader = loader;
    }

    @Override
    public Optional<Lab> revision(String labId, int number) {
        Lab known = loaded.get(labId + "#" + number);
        if (known != null && Files.isDirectory(known.directory())) {
            return Optional.of(known);
        }
        Optional<Path> folder = folder(labId, number);
        folder.ifPresent(f -> loaded.put(labId + "#" + number, loader.load(f).at(f, number)));
        return folder.map(f -> loaded.get(labId + "#" + number));
    }

    private Optional<Path> folder(String labId, int number) {
        try (Connection connection = database.open();
             PreparedStatement select = connection.prepareStatement("SELECT ID, SHA256, DIRECTORY FROM LABREVISION "
                     + "WHERE LABID = ? AND REVISION = ?")) {
            select.setString(1, labId);
            select.setInt(2, number);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String id = row.getString(1);
                Optional<byte[]> zip = archive(connection, id);
                if (zip.isEmpty()) { // stored before revisions kept their files in the database
                    return Optional.of(Path.of(row.getString(3)));
                }
                return Optional.of(store.materialize(labId, number, row.getString(2), zip::get));
            }
        } catch (SQLException e) {
            throw new QueueUnavailableException("reading revision " + number + " of " + labId, e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot unpack revision " + number + " of " + labId + ": "
                    + e.getMessage(), e);
        }
    }

    private static Optional<byte[]> archive(Connection connection, String revisionId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT ZIP FROM REVISIONARCHIVE WHERE REVISIONID = ?")) {
            select.setString(1, revisionId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getBytes(1)) : Optional.empty();
            }
        }
    }
}
