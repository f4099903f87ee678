package org.mlops4j.server.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** One POST of a JSON body to MLflow's REST API, as the REST timings send it: HTTP/1.1 with keep-alive, one client. */
final class RestPost {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private RestPost() {
    }

    /**
     * @param uri  the call, such as {@code http://127.0.0.1:5000/api/2.0/mlflow/runs/log-batch}
     * @param body what Jackson writes as the JSON body
     * @return the answer's body
     * @throws IllegalStateException when the server answers anything but 200
     */
    static String send(URI uri, Object body) throws IOException, InterruptedException {
        HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    /** @return the mapper that reads the answers */
    static ObjectMapper json() {
        return JSON;
    }
}
