package org.nnlab.grader.kit;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A zip whose entries all lie under one root folder and have safe names: relative, '/'-separated, without empty,
 * {@code .} or {@code ..} segments, backslashes, drive letters or control characters, and none twice. Unzipping it
 * cannot write outside that folder.
 */
final class KitZip implements AutoCloseable {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._+@-][A-Za-z0-9._+@ -]*");
    private final ZipOutputStream zip;
    private final String root;
    private final Set<String> names = new HashSet<>();

    /**
     * @param out  where the zip is written; it is finished, not closed, by {@link #close()}
     * @param root the one root folder, e.g. {@code digits-regularization-kit}
     */
    KitZip(OutputStream out, String root) throws IOException {
        this.root = check(root);
        this.zip = new ZipOutputStream(out);
    }

    /**
     * @param name    the entry's path below the root folder, e.g. {@code src/main/java/Solution.java}
     * @param content its bytes
     */
    void add(String name, byte[] content) throws IOException {
        String full = root + "/" + check(name);
        if (!names.add(full)) {
            throw new IOException("the kit would hold " + full + " twice");
        }
        zip.putNextEntry(new ZipEntry(full));
        zip.write(content);
        zip.closeEntry();
    }

    /** @return whether {@code name} is a safe relative path for an entry */
    static boolean isSafe(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (String segment : name.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static String check(String name) throws IOException {
        if (!isSafe(name)) {
            throw new IOException("unsafe kit entry name '" + name + "': each part of the path must be a plain file "
                    + "or folder name (letters, digits, '.', '_', '-', '+', '@', spaces)");
        }
        return name;
    }

    @Override
    public void close() throws IOException {
        zip.finish();
        zip.flush();
    }
}
