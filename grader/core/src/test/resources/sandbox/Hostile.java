import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * A hostile student program for the sandbox tests, run with the JDK's source launcher:
 * {@code java Hostile.java MODE ARGS...}. Each mode prints one line per attempt saying what happened:
 * {@code env}, {@code connect HOST PORT}, {@code dns NAME}, {@code read PATH...}, {@code write TEXT PATH...},
 * {@code exit CODE}, {@code threads}, {@code bigfile PATH BYTES}, {@code alloc MEGABYTES}.
 */
public class Hostile {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "env" -> new TreeMap<>(System.getenv()).forEach((k, v) -> System.out.println(k + "=" + v));
            case "connect" -> connect(args[1], Integer.parseInt(args[2]));
            case "dns" -> dns(args[1]);
            case "read" -> Arrays.stream(args).skip(1).map(Path::of).forEach(Hostile::read);
            case "write" -> Arrays.stream(args).skip(2).map(Path::of).forEach(file -> write(file, args[1]));
            case "exit" -> System.exit(Integer.parseInt(args[1]));
            case "threads" -> threads();
            case "bigfile" -> bigFile(Path.of(args[1]), Long.parseLong(args[2]));
            case "alloc" -> alloc(Integer.parseInt(args[1]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void connect(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
            System.out.println("connected");
        } catch (IOException e) {
            System.out.println("connect failed: " + e.getClass().getSimpleName());
        }
    }

    private static void dns(String name) {
        try {
            System.out.println("resolved " + Arrays.toString(InetAddress.getAllByName(name)));
        } catch (IOException e) {
            System.out.println("dns failed: " + e.getClass().getSimpleName());
        }
    }

    private static void read(Path file) {
        try {
            System.out.println(file + ": read ok: " + Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            System.out.println(file + ": read failed: " + e.getClass().getSimpleName());
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
            System.out.println(file + ": write ok");
        } catch (IOException e) {
            System.out.println(file + ": write failed: " + e.getClass().getSimpleName());
        }
    }

    private static void threads() {
        int started = 0;
        try {
            for (; started < 100_000; started++) {
                Thread thread = new Thread(() -> {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                thread.setDaemon(true);
                thread.start();
            }
            System.out.println("threads started: " + started);
        } catch (Throwable e) {
            System.out.println("threads started: " + started);
            System.out.println("thread start failed: " + e.getClass().getSimpleName());
        }
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    private static void bigFile(Path file, long bytes) {
        byte[] chunk = new byte[64 * 1024];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            while (written < bytes) {
                int n = (int) Math.min(chunk.length, bytes - written);
                out.write(chunk, 0, n);
                written += n;
            }
            System.out.println("wrote " + written);
        } catch (IOException e) {
            System.out.println("write failed after " + written + ": " + e.getMessage());
        }
    }

    private static void alloc(int megabytes) {
        List<byte[]> kept = new ArrayList<>();
        for (int i = 0; i < megabytes; i++) {
            byte[] block = new byte[1 << 20];
            for (int j = 0; j < block.length; j += 4096) {
                block[j] = 1;
            }
            kept.add(block);
        }
        System.out.println("allocated " + kept.size() + " MB");
    }
}
