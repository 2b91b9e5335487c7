package org.opencti.desktop.cluster;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A standby's calls to the floor holder's HTTP API: a client's request forwarded as it came ({@link #forward}), or one
 * the node makes for a desktop with its token ({@link #call}). Asynchronous, never blocking; every call ends within the
 * timeout: no holder known is a 503, no answer in time a 504, a holder that cannot be reached a 502, each with a JSON
 * error. Forwarded requests carry {@link #FORWARDED}, so a node that is not the holder either refuses instead of passing
 * the request on again (two nodes that each think the other holds the floor must not bounce a request forever).
 */
public final class HolderCalls {
    /** Marks a request one node forwarded to another. */
    public static final String FORWARDED = "X-CTI-Forwarded";
    static final String NO_HOLDER = "no node holds the floor; try again in a few seconds";
    private static final List<String> REQUEST_HEADERS = List.of("Authorization", "Content-Type", "Content-Length", "Accept");
    /** Headers of the holder's answer the client may need besides the body. */
    public static final List<String> ANSWER_HEADERS = List.of("Content-Type", "WWW-Authenticate", "Content-Disposition",
        "Retry-After");

    /** The holder's answer (or the error that stands for it): status, headers worth passing on, body. */
    public record Answer(int status, MultiMap headers, Buffer body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The body as a JSON object; empty when it is none. */
        public JsonObject json() {
            try {
                return body.length() == 0 || body.getByte(0) != '{' ? new JsonObject() : body.toJsonObject();
            } catch (RuntimeException e) {
                return new JsonObject();
            }
        }

        static Answer error(int status, String message) {
            return new Answer(status, MultiMap.caseInsensitiveMultiMap().add("Content-Type", "application/json"),
                new JsonObject().put("error", message).put("field", "floor").toBuffer());
        }
    }

    private final Vertx vertx;
    private final FloorAccess floor;
    private final long timeoutMillis;
    private final HttpClient client;

    public HolderCalls(Vertx vertx, FloorAccess floor, Duration timeout) {
        this.vertx = vertx;
        this.floor = floor;
        this.timeoutMillis = timeout.toMillis();
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) timeoutMillis).setMaxPoolSize(32));
    }

    /**
     * Sends {@code request} on to the holder as it came: method, path and query, the headers that matter and the body,
     * streamed (uploads are larger than the body handler's limit). Call before anything reads the body.
     */
    public Future<Answer> forward(HttpServerRequest request) {
        request.pause(); // the body waits until the holder's request is ready to take it
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        REQUEST_HEADERS.forEach(h -> {
            String v = request.getHeader(h);
            if (v != null) {
                headers.add(h, v);
            }
        });
        return send(request.method(), request.uri(), headers, req -> req.send(request));
    }

    /** A call for a desktop: {@code token}'s bearer, a JSON body when given. */
    public Future<Answer> call(HttpMethod method, String uri, String token, JsonObject body) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Authorization", "Bearer " + token);
        if (body != null) {
            headers.add("Content-Type", "application/json");
        }
        Buffer payload = body == null ? Buffer.buffer() : body.toBuffer();
        return send(method, uri, headers, req -> req.send(payload));
    }

    private Future<Answer> send(HttpMethod method, String uri, MultiMap headers,
                                Function<HttpClientRequest, Future<HttpClientResponse>> body) {
        Optional<String> address = floor.holderAddress();
        if (address.isEmpty()) {
            return Future.succeededFuture(Answer.error(503, NO_HOLDER));
        }
        RequestOptions options;
        try {
            options = new RequestOptions().setAbsoluteURI(address.get() + uri).setMethod(method).setHeaders(headers)
                .putHeader(FORWARDED, "1");
        } catch (RuntimeException e) {
            return Future.succeededFuture(Answer.error(503, "the floor holder's address is not usable: " + address.get()));
        }
        Promise<Answer> answer = Promise.promise();
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        long timer = vertx.setTimer(timeoutMillis, id -> {
            if (answer.tryComplete(Answer.error(504, "the floor holder at " + address.get() + " did not answer within "
                + timeoutMillis + " ms"))) {
                HttpClientRequest r = sent.get();
                if (r != null) {
                    r.reset();
                }
            }
        });
        client.request(options)
            .compose(req -> {
                sent.set(req);
                // the answer's body is read inside the send's callback, as the response arrives
                return body.apply(req).compose(res -> res.body().map(b -> {
                    MultiMap kept = MultiMap.caseInsensitiveMultiMap();
                    ANSWER_HEADERS.forEach(h -> {
                        String v = res.getHeader(h);
                        if (v != null) {
                            kept.add(h, v);
                        }
                    });
                    return new Answer(res.statusCode(), kept, b);
                }));
            })
            .onComplete(ar -> {
                vertx.cancelTimer(timer);
                if (ar.succeeded()) {
                    answer.tryComplete(ar.result());
                } else if (ar.cause() instanceof TimeoutException) {
                    answer.tryComplete(Answer.error(504, "the floor holder at " + address.get() + " did not answer in time"));
                } else {
                    answer.tryComplete(Answer.error(502, "the floor holder at " + address.get() + " could not be reached: "
                        + ar.cause().getMessage()));
                }
            });
        return answer.future();
    }
}
