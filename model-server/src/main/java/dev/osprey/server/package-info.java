/**
 * The model server: a separate JVM ({@link dev.osprey.server.ServerMain}) that serves registered
 * model versions over HTTP on this machine. It never opens the workspace catalog (the studio
 * holds its lock); the launcher ({@link dev.osprey.server.launch.ServerLauncher}) resolves the
 * versions and passes their folders {@code models/NAME/VERSION/}.
 *
 * <h2>URLs</h2>
 * <ul>
 *   <li>{@code GET /ping}: 200 with an empty body while serving (503 while draining).</li>
 *   <li>{@code POST /invocations}: rows in, predictions out. Request types: {@code text/csv} (rows, no
 *       header, columns in signature order; a first line equal to the input names is skipped),
 *       {@code application/json} ({@code {"instances": [[...], ...]}}, {@code [{"column": value}, ...]},
 *       or one row as a flat array or an object) and {@code application/jsonlines} (one array or object
 *       per line). {@code Accept} chooses the response type among the same three (the request's type
 *       when absent or a wildcard). JSON answers {@code {"predictions": [...]}}: a number for
 *       regression, {@code {"label", "probability", "probabilities"}} for classifiers; CSV answers one
 *       line per row ({@code label,p(class1),...} for classifiers).</li>
 *   <li>Several models: {@code /invocations} uses the first model given at start, unless the request
 *       names another with the {@code X-Osprey-Model} header or {@code ?model=NAME}.</li>
 *   <li>{@code GET /execution-parameters}: batch-client hints (concurrency, batch strategy, payload limit).</li>
 *   <li>Open Inference Protocol v2: {@code GET /v2/health/live}, {@code /v2/health/ready},
 *       {@code /v2/models/NAME} (metadata from the signature), {@code /v2/models/NAME/ready},
 *       {@code POST /v2/models/NAME/infer}; each also under {@code /v2/models/NAME/versions/V/}.</li>
 *   <li>{@code GET /metrics}: Prometheus text, per model: requests, errors, a latency histogram and the
 *       served version.</li>
 *   <li>{@code POST /admin/swap} {@code {"name", "version", "dir"}}: loads another version of a served
 *       model and installs it in one step; requests in flight finish on the version they started with.</li>
 * </ul>
 *
 * <h2>Errors, limits, security</h2>
 * Bad input is answered with a 4xx and {@code {"error": "..."}} naming the row, column or header at
 * fault (400 bad rows and JSON, 401 token, 404 unknown model or URL, 405 method, 406 Accept, 408
 * a request that did not arrive within 30 s, 413 bodies over 6 MB, 415 media type, 422 a swap whose
 * model does not load). A {@code --token} (environment variable {@code OSPREY_SERVER_TOKEN}) guards
 * every URL but the health checks. The server binds 127.0.0.1 unless told otherwise. SIGTERM stops
 * accepting, answers the requests in flight (up to 25 s) and exits; so does the end of the process
 * that started it. Data capture (opt-in) writes a sample of request and response rows as JSON Lines
 * to {@code captures/ENDPOINT/YYYY-MM-DD.jsonl} from a background thread.
 */
package dev.osprey.server;
