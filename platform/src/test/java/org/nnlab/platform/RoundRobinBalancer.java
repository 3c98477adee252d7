package org.nnlab.platform;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load balancer on loopback without stickiness: each request goes to the next platform instance in turn, as a
 * round-robin balancer in front of a scaled-out deployment sends it, with its method, headers and body; the answer
 * comes back as the instance gave it.
 */
final class RoundRobinBalancer implements AutoCloseable {
    /** Headers the JDK's HTTP client sets itself and refuses to be given. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "transfer-encoding");
    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<String> instances;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger[] served;

    private RoundRobinBalancer(HttpServer server, List<String> instances) {
        this.server = server;
        this.instances = List.copyOf(instances);
        this.served = instances.stream().map(url -> new AtomicInteger()).toArray(AtomicInteger[]::new);
    }

    /** @return a balancer over the instances' base URLs, listening on a free loopback port */
    static RoundRobinBalancer start(List<String> instances) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        RoundRobinBalancer balancer = new RoundRobinBalancer(server, instances);
        server.createContext("/", balancer::forward);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        return balancer;
    }

    /** @return the balancer's base URL, which users reach the platform through */
    String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** @return how many requests each instance got, in the order given */
    List<Integer> served() {
        return java.util.Arrays.stream(served).map(AtomicInteger::get).toList();
    }

    private void forward(HttpExchange exchange) throws IOException {
        int instance = Math.floorMod(next.getAndIncrement(), instances.size());
        try (exchange; InputStream body = exchange.getRequestBody()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(instances.get(instance)
                    + exchange.getRequestURI())).method(exchange.getRequestMethod(),
                    HttpRequest.BodyPublishers.ofByteArray(body.readAllBytes()));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException | InterruptedException unreachable) {
                exchange.sendResponseHeaders(502, -1); // as a balancer answers for an instance it cannot reach
                return;
            }
            served[instance].incrementAndGet();
            response.headers().map().forEach((name, values) -> {
                if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
