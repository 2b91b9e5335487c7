package org.opencti.desktop.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A text/csv body larger than the server's usual 16 KB (lead lists, national registers): routes that take one are
 * mounted before the body handler and read the body themselves, up to their own limit. 415 when the body is not CSV,
 * 413 when it is too large (by its Content-Length at once, else as soon as it grows past the limit).
 */
final class CsvUpload {
    private CsvUpload() {
    }

    /**
     * Reads the body and hands it to {@code then} on the event loop. Call it before anything asynchronous: the request's
     * handlers must be set before the first chunk can arrive.
     */
    static void read(RoutingContext ctx, int maxBytes, String what, Consumer<byte[]> then) {
        HttpServerRequest request = ctx.request();
        String type = request.getHeader("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("text/csv")) {
            ApiError.send(ctx, 415, "Content-Type", "the body must be text/csv, not " + type);
            return;
        }
        String tooBigMessage = what + " may have at most " + maxBytes + " bytes; split it";
        String length = request.getHeader("Content-Length");
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > maxBytes) {
            ApiError.send(ctx, 413, "body", tooBigMessage);
            return;
        }
        Buffer body = Buffer.buffer();
        boolean[] tooBig = {false};
        request.handler(chunk -> {
            if (tooBig[0]) {
                return;
            }
            if (body.length() + chunk.length() > maxBytes) {
                tooBig[0] = true;
                ApiError.send(ctx, 413, "body", tooBigMessage);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(v -> {
            if (!tooBig[0]) {
                then.accept(body.getBytes());
            }
        });
    }
}
