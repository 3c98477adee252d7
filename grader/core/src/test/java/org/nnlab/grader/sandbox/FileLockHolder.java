package org.nnlab.grader.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A program that holds the lock of a file as another grader JVM holds the lock file of a uid it uses: it locks the
 * file named by its argument (an fcntl lock, as {@link UidPool} takes), prints {@value #LOCKED} once it holds it,
 * and ends when its standard input closes.
 */
final class FileLockHolder {
    /** The line printed once the lock is held. */
    static final String LOCKED = "locked";

    private FileLockHolder() {
    }

    /**
     * Starts the program in a JVM of its own and waits until it holds the lock.
     *
     * @param file the file to lock
     * @return the process; closing its standard input ends it
     */
    static Process start(Path file) throws IOException, URISyntaxException {
        Path classes = Path.of(FileLockHolder.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:-UsePerfData", "-XX:TieredStopAtLevel=1", "-Xmx16m", "-cp", classes.toString(),
                FileLockHolder.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String said = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.US_ASCII))
                .readLine();
        if (!LOCKED.equals(said)) {
            holder.destroyForcibly();
            throw new IOException("the lock holder did not lock " + file + "; it said " + said);
        }
        return holder;
    }

    /** @param args the file to lock */
    public static void main(String[] args) throws IOException {
        try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            channel.lock(); // closing the channel releases it
            System.out.println(LOCKED);
            System.out.flush();
            System.in.transferTo(OutputStream.nullOutputStream());
        }
    }
}
