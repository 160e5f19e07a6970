package org.guichet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.guichet.browser.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Requests sent over real HTTP, as a scanner or a broken link sends them: answered as the client's mistake. */
@BrowserTest
class MalformedRequestsTests {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @Test
    void aBrokenPercentEncodingIsABadRequestNotAServerError() throws Exception {
        assertThat(rawStatusLine("/events?q=%zz")).contains(" 400 ");
        assertThat(rawStatusLine("/events?city=%E0%A4%A")).contains(" 400 ");
    }

    @Test
    void controlCharactersNeverReachTheDatabase() throws Exception {
        assertThat(get("/events?q=a%00b&city=Ly%00on&category=%00").statusCode()).isEqualTo(200);
        assertThat(get("/events?q=%01%1B%7F%C2%85").statusCode()).isEqualTo(200);
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("email=a%00b%40example.com&password=x%00y")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as("refused for its CSRF token, never a server error").isLessThan(500);
        assertThat(PrintableParameters.printable("a\u0000b\u001Bc\u0085d\te\nf")).isEqualTo("abcd\te\nf");
    }

    @Test
    void theErrorPageAskedForDirectlyDoesNotExist() throws Exception {
        HttpResponse<String> error = get("/error");
        assertThat(error.statusCode()).isEqualTo(404);
        assertThat(error.body()).contains("This page does not exist");
    }

    @Test
    void aVisitorOnAnUnknownAddressGetsTheNotFoundPageAndOnAKnownOneSignsInFirst() throws Exception {
        HttpResponse<String> unknown = get("/no-such-page/here");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("This page does not exist");
        HttpResponse<String> tickets = get("/tickets");
        assertThat(tickets.statusCode()).isEqualTo(302);
        assertThat(tickets.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/login"));
    }

    /** A request line Java's URI class would refuse to build, sent as bytes. */
    private String rawStatusLine(String target) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept-Language", "en").header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
    }
}
