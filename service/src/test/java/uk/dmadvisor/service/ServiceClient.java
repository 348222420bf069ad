package uk.dmadvisor.service;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small JSON-over-HTTP client for tests against the service on 127.0.0.1. */
public final class ServiceClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json;
    private final int port;

    public ServiceClient(ObjectMapper json, int port) {
        this.json = json;
        this.port = port;
    }

    public HttpResponse<String> post(String path, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), BodyHandlers.ofString());
    }

    public JsonNode postOk(String path, JsonNode body) throws IOException, InterruptedException {
        HttpResponse<String> response = post(path, body.toString());
        if (response.statusCode() != 200) {
            throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    public HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), BodyHandlers.ofString());
    }

    public String text(String name) throws IOException {
        try (InputStream in = ServiceClient.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    public JsonNode resource(String name) throws IOException {
        try (InputStream in = ServiceClient.class.getResourceAsStream("/" + name)) {
            return json.readTree(in);
        }
    }
}
