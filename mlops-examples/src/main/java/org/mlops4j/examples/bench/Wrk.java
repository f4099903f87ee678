package org.mlops4j.examples.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code wrk} load generator, driven from a benchmark: a Lua script that POSTs one JSON body again and
 * again and prints wrk's summary as one line, and a run of it parsed into a {@link Result}. Needs {@code wrk} on the
 * path ({@code apt-get install wrk}).
 */
final class Wrk {

    /**
     * wrk's threads (default 2; {@code -Dwrk.threads=N}). On this 2-core machine client and server share the cores:
     * with one wrk thread the single-row scoring run gave 6,173 requests/s with p99 12.9 ms, with two 5,375 and
     * 13.3 ms.
     */
    static final int THREADS = Integer.getInteger("wrk.threads", 2);

    private Wrk() {
    }

    /**
     * One wrk run's summary.
     *
     * @param requests the requests completed
     * @param errors   connect, read, write and timeout errors
     * @param non2xx   answers with another status than 2xx or 3xx
     * @param seconds  the run's length
     * @param p50ms    the median latency
     * @param p99ms    the 99th percentile latency
     */
    record Result(long requests, long errors, long non2xx, double seconds, double p50ms, double p99ms) {

        /** @return requests per second */
        double perSecond() {
            return requests / seconds;
        }
    }

    /**
     * Writes a script that POSTs the body as {@code application/json} and prints the summary as one RESULT line.
     *
     * @param folder where the script goes
     * @param name   the script's name, without {@code .lua}
     * @param body   the JSON body
     * @return the script
     * @throws IOException when it cannot be written
     */
    static Path postScript(Path folder, String name, String body) throws IOException {
        String lua = "wrk.method = \"POST\"\n"
                + "wrk.headers[\"Content-Type\"] = \"application/json\"\n"
                + "wrk.body = [==[" + body + "]==]\n"
                + "done = function(summary, latency, requests)\n"
                + "  io.write(string.format(\"RESULT requests=%d errors=%d non2xx=%d seconds=%.3f p50ms=%.3f "
                + "p99ms=%.3f\\n\", summary.requests, summary.errors.connect + summary.errors.read + "
                + "summary.errors.write + summary.errors.timeout, summary.errors.status, summary.duration / 1e6, "
                + "latency:percentile(50) / 1000, latency:percentile(99) / 1000))\n"
                + "end\n";
        Path file = folder.resolve(name + ".lua");
        Files.writeString(file, lua, StandardCharsets.UTF_8);
        return file;
    }

    /**
     * @param script      a script of {@link #postScript}
     * @param url         where to send the requests
     * @param threads     wrk's threads (at most {@code connections})
     * @param connections the connections kept open
     * @param seconds     how long
     * @return the run's summary
     * @throws Exception when wrk cannot run or fails
     */
    static Result run(Path script, String url, int threads, int connections, int seconds) throws Exception {
        Process process = new ProcessBuilder("wrk", "-t" + Math.min(threads, connections), "-c" + connections,
                "-d" + seconds + "s", "--timeout", "10s", "-s", script.toString(), url).redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        String line = output.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("wrk printed no RESULT line: " + output));
        Map<String, String> values = new HashMap<>();
        for (String pair : line.substring(7).trim().split(" ")) {
            String[] kv = pair.split("=", 2);
            values.put(kv[0], kv[1]);
        }
        return new Result(Long.parseLong(values.get("requests")), Long.parseLong(values.get("errors")),
                Long.parseLong(values.get("non2xx")), Double.parseDouble(values.get("seconds")),
                Double.parseDouble(values.get("p50ms")), Double.parseDouble(values.get("p99ms")));
    }
}
